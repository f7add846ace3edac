import { identityKey } from './identity-key';
import type { PersonHint } from './identity.types';
import { planLearning } from './plan-learning';

const slackUser: PersonHint = {
  identities: [{ account: { homePage: 'https://acme.slack.com', name: 'U07ANA' } }, { mbox: 'mailto:Ana.Lima@acme.example' }],
  name: 'Ana Lima',
};

describe('planLearning', () => {
  it('creates a person whose canonical actor is the e-mail', () => {
    expect(planLearning(slackUser, new Map())).toEqual({
      kind: 'create',
      actor: { objectType: 'Agent', name: 'Ana Lima', mbox: 'mailto:ana.lima@acme.example' },
      identities: slackUser.identities,
      attributes: {},
    });
  });

  it('adds what is new to the one person it matches, and fills a missing name', () => {
    const owners = new Map([[identityKey({ mbox: 'mailto:ana.lima@acme.example' }), 'p1']]);
    expect(planLearning({ ...slackUser, attributes: { team: 'Sales' } }, owners, { name: null, attributes: {} })).toEqual({
      kind: 'update',
      personId: 'p1',
      newIdentities: [{ account: { homePage: 'https://acme.slack.com', name: 'U07ANA' } }],
      name: 'Ana Lima',
      attributes: { team: 'Sales' },
    });
    const all = new Map(slackUser.identities.map((i) => [identityKey(i), 'p1']));
    expect(planLearning(slackUser, all, { name: 'Ana', attributes: {} })).toEqual({ kind: 'unchanged', personId: 'p1' });
  });

  it('never merges two people silently', () => {
    const owners = new Map([
      [identityKey(slackUser.identities[0]), 'p2'],
      [identityKey(slackUser.identities[1]), 'p1'],
    ]);
    expect(planLearning(slackUser, owners)).toEqual({ kind: 'conflict', personIds: ['p1', 'p2'] });
  });

  it('skips a stranger known only by a source id', () => {
    expect(planLearning({ identities: [{ source: 'bamboohr', id: '377' }] }, new Map())).toMatchObject({ kind: 'skip' });
  });
});
