import type { Statement } from '../xapi/statement';
import { pseudonymise, pseudonymiserFor } from './pseudonymise';
import { SOURCE_ACTOR_EXTENSION } from './resolve-statement';

const options = { key: 'destination-secret-0123456789', homePage: 'https://analytics.acme.example', mode: 'account' as const };
const event = (actor: Statement['actor'], extra: Partial<Statement> = {}): Statement => ({
  actor,
  verb: { id: 'http://adlnet.gov/expapi/verbs/attended' },
  object: { id: 'https://acme.example/meetings/1' },
  ...extra,
});

describe('pseudonymise', () => {
  it('gives one person the same pseudonym in every event, whatever the case of the e-mail, and drops names', () => {
    const a = pseudonymise(event({ mbox: 'mailto:ana@acme.example', name: 'Ana' }), options);
    const b = pseudonymise(event({ mbox: 'mailto:Ana@ACME.example' }, { object: { id: 'https://acme.example/meetings/2' } }), options);
    expect(a.actor).toEqual(b.actor);
    expect(a.actor.name).toBeUndefined();
    expect(a.actor.account?.homePage).toBe(options.homePage);
    expect(a.actor.account?.name).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives different people, and one person under different keys, different pseudonyms', () => {
    const ana = pseudonymise(event({ mbox: 'mailto:ana@acme.example' }), options).actor;
    expect(pseudonymise(event({ mbox: 'mailto:bob@acme.example' }), options).actor).not.toEqual(ana);
    expect(pseudonymise(event({ mbox: 'mailto:ana@acme.example' }), { ...options, key: 'another-destination-key' }).actor).not.toEqual(ana);
  });

  it('writes 40-hex mbox_sha1sum pseudonyms in that mode', () => {
    const { actor } = pseudonymise(event({ mbox: 'mailto:ana@acme.example' }), { ...options, mode: 'mbox_sha1sum' });
    expect(actor).toEqual({ objectType: 'Agent', mbox_sha1sum: expect.stringMatching(/^[0-9a-f]{40}$/) });
  });

  it('covers instructor, group members, an Agent object and the source-actor extension', () => {
    const out = pseudonymise(
      event(
        { objectType: 'Group', name: 'Sales', member: [{ mbox: 'mailto:ana@acme.example', name: 'Ana' }] },
        {
          object: { objectType: 'Agent', mbox: 'mailto:bob@acme.example', name: 'Bob' },
          context: {
            instructor: { mbox: 'mailto:carol@acme.example', name: 'Carol' },
            extensions: { [SOURCE_ACTOR_EXTENSION]: { account: { homePage: 'https://acme.slack.com', name: 'U07ANA' } }, 'https://x.example/k': 1 },
          },
        },
      ),
      options,
    );
    const text = JSON.stringify(out);
    for (const personal of ['ana@', 'bob@', 'carol@', 'Ana', 'Bob', 'Carol', 'Sales', 'U07ANA']) expect(text).not.toContain(personal);
    expect(out.actor.member).toHaveLength(1);
    expect(out.context?.extensions).toEqual({ 'https://x.example/k': 1 });
  });
});

describe('pseudonymiserFor', () => {
  it('binds a destination’s settings, account mode by default, and is absent without them', () => {
    const apply = pseudonymiserFor({ key: options.key, homePage: options.homePage })!;
    expect(apply(event({ mbox: 'mailto:ana@acme.example' }))).toEqual(pseudonymise(event({ mbox: 'mailto:ana@acme.example' }), options));
    expect(pseudonymiserFor(undefined)).toBeUndefined();
  });

  it('leaves its input as it was', () => {
    const input = event({ mbox: 'mailto:ana@acme.example', name: 'Ana' }, { context: { extensions: { [SOURCE_ACTOR_EXTENSION]: { mbox: 'mailto:a@b.example' } } } });
    const before = structuredClone(input);
    pseudonymise(input, options);
    expect(input).toEqual(before);
  });
});
