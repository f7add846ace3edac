import { defineConnector, MappingError, RequestRejectedError } from './connector';
import { dryRun, splitResultOf } from './dry-run';
import { eventIdFor } from './event-id';
import { inboundRequest } from './inbound-request';
import { ignored, later, statements } from './outcome';
import { statementIdFor } from './statement-id';
import { testContext } from './testing/sample-runner';

const statement = (email: string) => ({
  actor: { mbox: `mailto:${email}` },
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
  object: { id: 'https://lms.example.org/c/1' },
});

/** A connector whose every step does what the request's body says. */
const scripted = defineConnector<object>({
  id: 'scripted',
  name: 'scripted',
  description: 'test only',
  configSchema: Object,
  handshake: (request) => (request.query.challenge ? { status: 200, body: request.query.challenge, contentType: 'text/plain' } : undefined),
  verify: (request, { secrets }) => (request.headers['x-token'] === secrets[0] ? { ok: true } : { ok: false, reason: 'wrong token' }),
  split(request) {
    const items = JSON.parse(request.rawBody.toString() || '[]') as { key: string; do: string; at?: unknown }[];
    if (items.length === 0) throw new RequestRejectedError(422, 'nothing to take', ['send at least one item']);
    return { events: items.map((item) => ({ key: item.key, body: item })), rejected: [{ at: 'value[9]', reason: 'no key' }] };
  },
  map(event) {
    const body = event.body as { do: string; at?: unknown };
    switch (body.do) {
      case 'ignore':
        return ignored('a bot wrote it');
      case 'later':
        return later('2026-11-27T13:00:00Z', 'not over');
      case 'invalid':
        return statements([{ subKey: 'x', statement: statement('not an address') }]);
      case 'fail':
        throw new MappingError('no course in the event');
      case 'crash':
        throw new TypeError('a bug');
      case 'date':
        // The inbox stores JSON: map sees the Date as the text it becomes.
        return statements([{ subKey: 'd', statement: { ...statement('a@example.org'), timestamp: body.at as string } }]);
      default:
        return statements([{ subKey: 'main', statement: statement('a@example.org') }], [{ identities: [{ mbox: 'mailto:a@example.org' }] }]);
    }
  },
  reply: (accepted) => ({ body: { took: accepted.events.map((e) => e.eventId) } }),
});

const context = () => testContext({ instanceId: 'inst', config: {}, secrets: ['s3cret'], now: new Date('2026-11-27T12:00:00Z') });
const run = (items: object[] | undefined, options: { verify?: boolean; headers?: Record<string, string>; query?: Record<string, string> } = {}) =>
  dryRun(scripted, inboundRequest({ body: items === undefined ? undefined : JSON.stringify(items), headers: options.headers, query: options.query }), context(), {
    verify: options.verify ?? false,
    versions: ['1.0.3'],
  });

describe('dryRun', () => {
  it('maps each event to statements with their ids, invalid ones with reasons, ignored and later', async () => {
    const result = await run([
      { key: 'a', do: 'map' },
      { key: 'b', do: 'ignore' },
      { key: 'c', do: 'later' },
      { key: 'd', do: 'invalid' },
    ]);
    expect(result.events).toEqual([
      {
        eventKey: 'a',
        statements: [{ ...statement('a@example.org'), id: statementIdFor('inst', 'a', 'main') }],
        invalid: [],
        people: [{ identities: [{ mbox: 'mailto:a@example.org' }] }],
      },
      { eventKey: 'b', statements: [], ignored: 'a bot wrote it', invalid: [] },
      { eventKey: 'c', statements: [], later: '2026-11-27T13:00:00.000Z', invalid: [] },
      {
        eventKey: 'd',
        statements: [],
        invalid: [{ statement: { ...statement('not an address'), id: statementIdFor('inst', 'd', 'x') }, reasons: [expect.objectContaining({ path: 'actor.mbox' })] }],
      },
    ]);
    expect(result.rejected).toEqual([{ at: 'value[9]', reason: 'no key' }]);
  });

  it('gives the reply the event ids intake would give', async () => {
    const result = await run([{ key: 'a', do: 'map' }]);
    expect(result.reply).toEqual({ body: { took: [eventIdFor('inst', 'a')] } });
  });

  it('answers a handshake and runs nothing else', async () => {
    expect(await run([{ key: 'a', do: 'map' }], { query: { challenge: 'abc' } })).toEqual({
      handshake: { status: 200, body: 'abc', contentType: 'text/plain' },
      events: [],
      rejected: [],
    });
  });

  it('verifies only when asked, and stops at a failed verification', async () => {
    expect(await run([{ key: 'a', do: 'map' }], { verify: true })).toEqual({ verified: { ok: false, reason: 'wrong token' }, events: [], rejected: [] });
    const verified = await run([{ key: 'a', do: 'map' }], { verify: true, headers: { 'x-token': 's3cret' } });
    expect(verified).toMatchObject({ verified: { ok: true }, events: [{ eventKey: 'a' }] });
    expect((await run([{ key: 'a', do: 'map' }])).verified).toBeUndefined();
  });

  it('reports a request refused as a whole with the status intake would answer', async () => {
    expect(await run([])).toEqual({ refused: { status: 422, error: 'nothing to take', details: ['send at least one item'] }, events: [], rejected: [] });
  });

  it("reports a MappingError on its event, and lets a connector's bug through", async () => {
    expect((await run([{ key: 'a', do: 'fail' }])).events).toEqual([{ eventKey: 'a', statements: [], invalid: [], error: 'no course in the event' }]);
    await expect(run([{ key: 'a', do: 'crash' }])).rejects.toThrow('a bug');
  });

  it('shows map the body as the inbox keeps it (a JSON round trip)', async () => {
    const request = inboundRequest({ body: '[]' });
    const withDate = defineConnector<object>({ ...scripted, split: () => [{ key: 'k', body: { do: 'date', at: new Date('2026-11-27T09:00:00Z') } }] });
    const result = await dryRun(withDate, request, context(), { verify: false, versions: ['1.0.3'] });
    expect(result.events[0].statements[0].timestamp).toBe('2026-11-27T09:00:00.000Z');
  });
});

describe('splitResultOf', () => {
  it('takes a bare list or a result with rejected parts', () => {
    expect(splitResultOf([{ key: 'a', body: 1 }])).toEqual({ events: [{ key: 'a', body: 1 }], rejected: [] });
    expect(splitResultOf({ events: [] })).toEqual({ events: [], rejected: [] });
  });
});
