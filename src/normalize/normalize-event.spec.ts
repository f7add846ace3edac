import { parseHubConfig } from '../config/load-hub-config';
import { bindInstances } from '../connector-host/connector-instances';
import { ConnectorRegistry } from '../connector-host/connector-registry';
import { JsonataSandbox } from '../connector-host/jsonata';
import { defineConnector, ignored, later, MappingError, statements, testContext } from '../connector-sdk';
import { DuplicateSubKeyError } from '../connector-sdk/keyed-statements';
import { statementIdFor } from '../connector-sdk/statement-id';
import type { ConnectorInstance } from '../connector-host/connector-instances';
import { type IdentityStep, laterDue, normalizeEvent } from './normalize-event';

const config = parseHubConfig(
  `destinations: [{ id: builtin, type: builtin }]
instances:
  - id: lms
    connector: generic-webhook
    config:
      mapping: |
        { "actor": { "mbox": "mailto:" & email }, "verb": { "id": "http://adlnet.gov/expapi/verbs/completed" },
          "object": { "id": course }, "timestamp": at }
`,
  'hub.yaml',
  {},
);
const instance = bindInstances(config, ConnectorRegistry.loadFrom(), 'hub.yaml').get('lms')!;
const event = (at: string) => ({
  key: 'evt-1',
  receivedAt: '2026-11-27T10:00:00Z',
  body: { email: 'ana@example.org', course: 'https://lms.example.org/c/1', at },
});
const NOW = new Date('2026-11-27T10:00:00Z');

/** A test-only connector whose map answers what the event body says. */
const scripted = defineConnector<object>({
  id: 'scripted',
  name: 'scripted',
  description: 'test only',
  configSchema: Object,
  verify: () => ({ ok: true }),
  split: () => [],
  map: (e) => {
    const body = e.body as { do: string };
    if (body.do === 'ignore') return ignored('a bot wrote it', [{ identities: [{ mbox: 'mailto:bot@example.org' }] }]);
    if (body.do === 'later') return later('2026-11-27T11:00:00Z', 'the session has not ended');
    if (body.do === 'soon') return later('2026-11-27T09:00:00Z', 'already over');
    const s = { actor: { mbox: 'mailto:ana@example.org' }, verb: { id: 'http://adlnet.gov/expapi/verbs/attended' }, object: { id: 'https://x.example/1' } };
    if (body.do === 'twice') return statements([{ subKey: 'a', statement: s }, { subKey: 'a', statement: s }]);
    return statements([{ subKey: 'attended:ana', statement: s }], [{ identities: [{ source: 'hr', id: '42' }, { mbox: 'mailto:ana@example.org' }] }]);
  },
});
const scriptedInstance: ConnectorInstance = { id: 'cal', connector: scripted, config: {}, enabled: true, destinations: [], secrets: [] };
const scriptedEvent = (what: string) => ({ key: 'k', receivedAt: NOW.toISOString(), body: { do: what } });

describe('normalizeEvent', () => {
  const sandbox = new JsonataSandbox();
  afterAll(() => sandbox.close());
  const context = () => testContext({ instanceId: 'lms', config: instance.config, now: NOW, expressions: sandbox });

  it('maps, gives the deterministic id, and passes a valid statement', async () => {
    const normalized = await normalizeEvent(instance, event('2026-11-27T09:00:00Z'), context(), ['1.0.3']);
    expect(normalized).toMatchObject({ kind: 'statements', quarantined: [] });
    // The generic webhook's sub-keys are positions: the ids it minted before sub-keys existed.
    expect(normalized.kind === 'statements' && normalized.statements).toEqual([expect.objectContaining({ id: statementIdFor('lms', 'evt-1', 0) })]);
  });

  it('holds a statement to every version its destinations speak', async () => {
    // Valid in 1.0.3, where a timestamp may omit its offset; xAPI 2.0 requires one.
    const local = event('2026-11-27T09:00:00');
    expect(await normalizeEvent(instance, local, context(), ['1.0.3'])).toMatchObject({ quarantined: [] });
    const normalized = await normalizeEvent(instance, local, context(), ['1.0.3', '2.0.0']);
    expect(normalized).toMatchObject({ kind: 'statements', statements: [] });
    expect(normalized.kind === 'statements' && normalized.quarantined[0].issues).toEqual([
      expect.objectContaining({ path: 'timestamp', reason: expect.stringMatching(/^xAPI 2\.0\.0: /) }),
    ]);
  });

  it('ids a keyed statement from instance, event key and sub-key, and hands on the people hints', async () => {
    const normalized = await normalizeEvent(scriptedInstance, scriptedEvent('attend'), testContext({ instanceId: 'cal', config: {}, now: NOW }), ['1.0.3']);
    expect(normalized).toEqual({
      kind: 'statements',
      statements: [expect.objectContaining({ id: statementIdFor('cal', 'k', 'attended:ana') })],
      quarantined: [],
      people: [{ identities: [{ source: 'hr', id: '42' }, { mbox: 'mailto:ana@example.org' }] }],
      held: 0,
    });
  });

  /** An identity step that writes down what it was asked, in order. */
  const recordingIdentity = (resolve: IdentityStep['resolve']) => {
    const calls: string[] = [];
    const step: IdentityStep = {
      learn: async (people) => void calls.push(`learn ${people.flatMap((p) => p.identities.map((i) => JSON.stringify(i))).join(' ')}`),
      resolve: async (list) => {
        calls.push(`resolve ${list.map((s) => s.id).join(' ')}`);
        return resolve(list);
      },
    };
    return { calls, step };
  };

  it('learns the hints, then resolves the id-ed statements, then validates what resolution made; held ones do not go on', async () => {
    const id = statementIdFor('cal', 'k', 'attended:ana');
    const canonical = { objectType: 'Agent' as const, mbox: 'mailto:ana.lima@acme.example', name: 'Ana Lima' };
    const { calls, step } = recordingIdentity(async (list) => ({ statements: list.map((s) => ({ ...s, actor: canonical })), held: [] }));
    const normalized = await normalizeEvent(scriptedInstance, scriptedEvent('attend'), testContext({ instanceId: 'cal', config: {}, now: NOW }), ['1.0.3'], step);
    expect(calls).toEqual(['learn {"source":"hr","id":"42"} {"mbox":"mailto:ana@example.org"}', `resolve ${id}`]);
    expect(normalized).toMatchObject({ kind: 'statements', statements: [{ id, actor: canonical }], quarantined: [], held: 0 });

    // Validation runs on the resolved statement: a resolution that broke it is quarantined.
    const broken = recordingIdentity(async (list) => ({ statements: list.map((s) => ({ ...s, actor: { mbox: 'not-an-iri' } })), held: [] }));
    const quarantined = await normalizeEvent(scriptedInstance, scriptedEvent('attend'), testContext({ instanceId: 'cal', config: {}, now: NOW }), ['1.0.3'], broken.step);
    expect(quarantined).toMatchObject({ kind: 'statements', statements: [], quarantined: [{ statement: { id } }] });

    const holding = recordingIdentity(async (list) => ({ statements: [], held: list }));
    const held = await normalizeEvent(scriptedInstance, scriptedEvent('attend'), testContext({ instanceId: 'cal', config: {}, now: NOW }), ['1.0.3'], holding.step);
    expect(held).toMatchObject({ kind: 'statements', statements: [], quarantined: [], held: 1 });
  });

  it('learns the people of an ignored event too (an HR record is ignored + people), and nothing of a later one', async () => {
    const { calls, step } = recordingIdentity(async (list) => ({ statements: list, held: [] }));
    const ctx = testContext({ instanceId: 'cal', config: {}, now: NOW });
    expect(await normalizeEvent(scriptedInstance, scriptedEvent('ignore'), ctx, ['1.0.3'], step)).toMatchObject({ kind: 'ignored' });
    expect(await normalizeEvent(scriptedInstance, scriptedEvent('later'), ctx, ['1.0.3'], step)).toMatchObject({ kind: 'later' });
    expect(calls).toEqual(['learn {"mbox":"mailto:bot@example.org"}']);
  });

  it('passes on ignored with its reason, and later with its due time', async () => {
    const ctx = testContext({ instanceId: 'cal', config: {}, now: NOW });
    expect(await normalizeEvent(scriptedInstance, scriptedEvent('ignore'), ctx, ['1.0.3'])).toEqual({
      kind: 'ignored',
      reason: 'a bot wrote it',
      people: [{ identities: [{ mbox: 'mailto:bot@example.org' }] }],
    });
    expect(await normalizeEvent(scriptedInstance, scriptedEvent('later'), ctx, ['1.0.3'])).toEqual({
      kind: 'later',
      dueAt: new Date('2026-11-27T11:00:00Z'),
      reason: 'the session has not ended',
    });
  });

  it('refuses two statements of one event with the same sub-key (they would share an id)', async () => {
    const ctx = testContext({ instanceId: 'cal', config: {}, now: NOW });
    await expect(normalizeEvent(scriptedInstance, scriptedEvent('twice'), ctx, ['1.0.3'])).rejects.toBeInstanceOf(DuplicateSubKeyError);
  });
});

describe('laterDue', () => {
  it('is the asked time, but never sooner than a second from now', () => {
    expect(laterDue('2026-11-27T11:00:00Z', NOW)).toEqual(new Date('2026-11-27T11:00:00Z'));
    expect(laterDue('2026-11-27T09:00:00Z', NOW)).toEqual(new Date('2026-11-27T10:00:01Z'));
  });

  it('refuses a time that is not one', () => {
    expect(() => laterDue('soon', NOW)).toThrow(MappingError);
  });
});
