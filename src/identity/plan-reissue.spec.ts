import type { Statement } from '../xapi/statement';
import { identityKey } from './identity-key';
import { planReissue, REISSUE_ACTOR } from './plan-reissue';
import { SOURCE_ACTOR_EXTENSION } from './resolve-statement';

const wrong = { objectType: 'Agent' as const, mbox: 'mailto:ana@acme.example', name: 'Ana' };
const right = { objectType: 'Agent' as const, mbox: 'mailto:anna@acme.example', name: 'Anna' };
const stored = (id: string, extra: Partial<Statement> = {}): Statement => ({
  id,
  actor: wrong,
  verb: { id: 'http://adlnet.gov/expapi/verbs/attended' },
  object: { id: 'https://acme.example/meetings/1' },
  stored: '2030-01-01T00:00:00.000Z',
  authority: { objectType: 'Agent', account: { homePage: 'http://xapi-hub.local/credentials', name: 'k' } },
  version: '1.0.0',
  timestamp: '2030-01-01T00:00:00.000Z',
  ...extra,
});
const ID1 = '11111111-1111-4111-8111-111111111111';
const ID2 = '22222222-2222-4222-8222-222222222222';

describe('planReissue', () => {
  it('voids each affected statement and re-sends it under the right person with a new, stable id', () => {
    const request = { fromKey: identityKey({ mbox: wrong.mbox }), to: right };
    const plan = planReissue([stored(ID1)], request);
    expect(plan.voiding).toEqual([
      { id: expect.any(String), actor: REISSUE_ACTOR, verb: expect.objectContaining({ id: 'http://adlnet.gov/expapi/verbs/voided' }), object: { objectType: 'StatementRef', id: ID1 } },
    ]);
    expect(plan.corrected).toEqual([
      {
        id: expect.any(String),
        actor: right,
        verb: { id: 'http://adlnet.gov/expapi/verbs/attended' },
        object: { id: 'https://acme.example/meetings/1' },
        timestamp: '2030-01-01T00:00:00.000Z',
      },
    ]);
    expect(plan.corrected[0].id).not.toBe(ID1);
    expect(planReissue([stored(ID1)], request)).toEqual(plan);
  });

  it('replaces the identifier as instructor too, and skips voiding statements and others', () => {
    const plan = planReissue(
      [
        stored(ID1, { actor: right, context: { instructor: { mbox: 'mailto:ANA@acme.example' } } }),
        stored(ID2, { actor: REISSUE_ACTOR, verb: { id: 'http://adlnet.gov/expapi/verbs/voided' }, object: { objectType: 'StatementRef', id: ID1 } }),
        stored('33333333-3333-4333-8333-333333333333', { actor: { mbox: 'mailto:bob@acme.example' } }),
      ],
      { fromKey: identityKey({ mbox: wrong.mbox }), to: right },
    );
    expect(plan.corrected.map((s) => s.context?.instructor)).toEqual([right]);
    expect(plan.voiding.map((s) => s.object)).toEqual([{ objectType: 'StatementRef', id: ID1 }]);
  });

  it('limits a wrong mapping to the statements that came from that source identity', () => {
    const fromSlack = { [SOURCE_ACTOR_EXTENSION]: { objectType: 'Agent', account: { homePage: 'https://acme.slack.com', name: 'U07ANNA' } } };
    const plan = planReissue([stored(ID1, { context: { extensions: fromSlack } }), stored(ID2)], {
      fromKey: identityKey({ mbox: wrong.mbox }),
      to: right,
      sourceActorKey: identityKey({ account: { homePage: 'https://acme.slack.com', name: 'U07ANNA' } }),
    });
    expect(plan.voiding.map((s) => (s.object as { id: string }).id)).toEqual([ID1]);
  });
});
