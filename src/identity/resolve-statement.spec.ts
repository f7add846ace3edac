import type { Statement } from '../xapi/statement';
import { identityKey } from './identity-key';
import type { DirectoryPerson, Identity } from './identity.types';
import { COHORT_EXTENSION_PREFIX, resolveStatement, SOURCE_ACTOR_EXTENSION } from './resolve-statement';

const ana: DirectoryPerson = {
  id: 'p-ana',
  actor: { objectType: 'Agent', mbox: 'mailto:ana.lima@acme.example', name: 'Ana Lima' },
  attributes: { team: 'Sales', department: 'Revenue', manager: 'bob@acme.example' },
};
const bob: DirectoryPerson = { id: 'p-bob', actor: { objectType: 'Agent', mbox: 'mailto:bob@acme.example', name: 'Bob' }, attributes: {} };
const directory = new Map<string, DirectoryPerson>();
const know = (person: DirectoryPerson, identities: Identity[]) => identities.forEach((i) => directory.set(identityKey(i), person));
know(ana, [{ mbox: 'mailto:ana.lima@acme.example' }, { account: { homePage: 'https://acme.slack.com', name: 'U07ANA' } }, { source: 'bamboohr', id: '377' }]);
know(bob, [{ mbox: 'mailto:bob@acme.example' }]);
const lookup = (key: string) => directory.get(key);

const attended = (extra: Partial<Statement>): Statement => ({
  actor: { objectType: 'Agent', mbox: 'mailto:someone@else.example' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/attended' },
  object: { id: 'https://acme.example/meetings/1' },
  ...extra,
});

describe('resolveStatement', () => {
  it('writes a Slack account as the person’s canonical actor and keeps the source identifier', () => {
    const { statement, unknownActorKey } = resolveStatement(
      attended({ actor: { account: { homePage: 'https://acme.slack.com/', name: 'U07ANA' }, name: 'ana' } }),
      lookup,
      { instanceId: 'slack' },
    );
    expect(unknownActorKey).toBeUndefined();
    expect(statement.actor).toEqual(ana.actor);
    expect(statement.context?.extensions?.[SOURCE_ACTOR_EXTENSION]).toEqual({
      objectType: 'Agent',
      account: { homePage: 'https://acme.slack.com/', name: 'U07ANA' },
    });
  });

  it('resolves an account as the sending instance’s user id (BambooHR employee 377)', () => {
    const { statement } = resolveStatement(attended({ actor: { account: { homePage: 'https://acme.bamboohr.com', name: '377' } } }), lookup, {
      instanceId: 'bamboohr',
    });
    expect(statement.actor.mbox).toBe('mailto:ana.lima@acme.example');
    const other = resolveStatement(attended({ actor: { account: { homePage: 'https://canvas.example', name: '377' } } }), lookup, { instanceId: 'canvas' });
    expect(other.statement.actor.mbox).toBeUndefined();
  });

  it('resolves instructor, group members and an Agent object, but leaves the authority', () => {
    const authority = { objectType: 'Agent' as const, mbox: 'mailto:ANA.LIMA@acme.example' };
    const { statement } = resolveStatement(
      attended({
        actor: { objectType: 'Group', name: 'Team', member: [{ mbox: 'mailto:Bob@ACME.example' }, { account: { homePage: 'https://acme.slack.com', name: 'U07ANA' } }] },
        object: { objectType: 'Agent', mbox: 'mailto:bob@acme.example' },
        context: { instructor: { mbox: 'mailto:ana.lima@acme.example', name: 'A. Lima' } },
        authority,
      }),
      lookup,
      { instanceId: 'x' },
    );
    expect(statement.actor.member).toEqual([bob.actor, ana.actor]);
    expect(statement.object).toEqual(bob.actor);
    expect(statement.context?.instructor).toEqual(ana.actor);
    expect(statement.authority).toEqual(authority);
  });

  it('never matches on a display name', () => {
    const result = resolveStatement(attended({ actor: { mbox: 'mailto:a.lima@elsewhere.example', name: 'Ana Lima' } }), lookup, { instanceId: 'x' });
    expect(result.statement.actor).toEqual({ mbox: 'mailto:a.lima@elsewhere.example', name: 'Ana Lima' });
    expect(result.unknownActorKey).toBe('mbox:mailto:a.lima@elsewhere.example');
    expect(result.statement.context).toBeUndefined();
  });

  it('adds the configured cohort attributes as context extensions, beside existing ones', () => {
    const { statement } = resolveStatement(
      attended({ actor: { mbox: 'mailto:ana.lima@acme.example' }, context: { extensions: { 'https://example.org/x': 1 } } }),
      lookup,
      { instanceId: 'x', cohortAttributes: ['team', 'department', 'location'] },
    );
    expect(statement.context?.extensions).toEqual({
      'https://example.org/x': 1,
      [SOURCE_ACTOR_EXTENSION]: { objectType: 'Agent', mbox: 'mailto:ana.lima@acme.example' },
      [`${COHORT_EXTENSION_PREFIX}team`]: 'Sales',
      [`${COHORT_EXTENSION_PREFIX}department`]: 'Revenue',
    });
  });

  it('names the first unknown member of a Group actor, and does not touch its input', () => {
    const input = attended({ actor: { objectType: 'Group', member: [{ mbox: 'mailto:bob@acme.example' }, { openid: 'https://id.example/z' }] } });
    const copy = structuredClone(input);
    expect(resolveStatement(input, lookup, { instanceId: 'x' }).unknownActorKey).toBe('openid:https://id.example/z');
    expect(input).toEqual(copy);
  });
});
