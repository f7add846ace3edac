import { createHash, randomUUID } from 'node:crypto';
import { TEST_ENGINES } from './support/test-databases';
import { LRS_BASIC, startTestHubOnFreshDatabase, type TestHub } from './support/test-hub';

const ACTIVITY = 'http://www.example.com/activityId/hashset';
const AGENT = { objectType: 'Agent', account: { homePage: 'http://www.example.com/agentId/1', name: 'Rick James' } };

type Version = '1.0.3' | '2.0.0';
interface Call {
  query?: Record<string, unknown>;
  body?: unknown;
  contentType?: string;
  headers?: Record<string, string>;
  version?: Version;
}

/** The State, Activity Profile, Agent Profile, Activities, Agents and About resources over HTTP. */
describe.each(TEST_ENGINES)('xAPI document resources over HTTP (%s)', (engine) => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startTestHubOnFreshDatabase(engine, { env: { HUB_ROLE: 'lrs' } });
  });
  afterAll(() => hub?.close());

  async function xapi(method: string, path: string, call: Call = {}): Promise<Response> {
    const query = Object.entries(call.query ?? {})
      .map(([k, v]) => `${k}=${encodeURIComponent(typeof v === 'string' ? v : JSON.stringify(v))}`)
      .join('&');
    const raw = call.body === undefined || Buffer.isBuffer(call.body) || typeof call.body === 'string';
    return fetch(`${hub.url}/xapi/${path}${query ? `?${query}` : ''}`, {
      method,
      headers: {
        authorization: LRS_BASIC,
        'x-experience-api-version': call.version ?? '2.0.0',
        ...(call.body === undefined ? {} : { 'content-type': call.contentType ?? 'application/json' }),
        ...call.headers,
      },
      body: call.body === undefined ? undefined : raw ? (call.body as string | Buffer) : JSON.stringify(call.body),
    });
  }
  const state = (stateId: string = randomUUID(), extra: Record<string, unknown> = {}) => ({ activityId: ACTIVITY, agent: AGENT, stateId, ...extra });

  describe('State', () => {
    it('stores a JSON document, returns it with a quoted SHA-1 ETag and Last-Modified, and deletes it', async () => {
      const query = state();
      expect((await xapi('PUT', 'activities/state', { query, body: { a: 1 } })).status).toBe(204);
      const got = await xapi('GET', 'activities/state', { query });
      expect(got.status).toBe(200);
      expect(got.headers.get('content-type')).toMatch(/^application\/json/);
      const text = await got.text();
      expect(JSON.parse(text)).toEqual({ a: 1 });
      expect(got.headers.get('etag')).toBe(`"${createHash('sha1').update(text).digest('hex')}"`);
      expect(Number.isNaN(Date.parse(got.headers.get('last-modified') ?? ''))).toBe(false);

      expect((await xapi('DELETE', 'activities/state', { query })).status).toBe(204);
      expect((await xapi('GET', 'activities/state', { query })).status).toBe(404);
    });

    it('merges a POSTed JSON object one level deep, and refuses to merge what is not JSON', async () => {
      const query = state();
      await xapi('POST', 'activities/state', { query, body: { car: { make: 'Ford' }, driver: 'Dale' } });
      expect((await xapi('POST', 'activities/state', { query, body: { car: { model: 'Ram' } } })).status).toBe(204);
      expect(await (await xapi('GET', 'activities/state', { query })).json()).toEqual({ car: { model: 'Ram' }, driver: 'Dale' });

      const refused = await xapi('POST', 'activities/state', { query, body: 'abcdefg', contentType: 'not/json' });
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { error: string }).error).toMatch(/application\/json/);
      expect((await xapi('POST', 'activities/state', { query, body: '{"broken":', contentType: 'application/json' })).status).toBe(400);
      expect(await (await xapi('GET', 'activities/state', { query })).json()).toEqual({ car: { model: 'Ram' }, driver: 'Dale' });
    });

    it('keeps a binary document byte for byte, with its media type', async () => {
      const query = state();
      const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0xff]);
      await xapi('PUT', 'activities/state', { query, body: bytes, contentType: 'image/png' });
      const got = await xapi('GET', 'activities/state', { query });
      expect(got.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await got.arrayBuffer()).equals(bytes)).toBe(true);
      expect((await xapi('POST', 'activities/state', { query, body: { a: 1 } })).status).toBe(400);
    });

    it('lists state ids (with since and registration) and deletes them all', async () => {
      const activityId = `${ACTIVITY}/${randomUUID()}`;
      const registration = randomUUID();
      const since = new Date(Date.now() - 60_000).toISOString();
      await xapi('PUT', 'activities/state', { query: { ...state('s1'), activityId }, body: { a: 1 } });
      await xapi('PUT', 'activities/state', { query: { ...state('s2'), activityId, registration }, body: { b: 1 } });
      const scope = { activityId, agent: AGENT };

      expect(await (await xapi('GET', 'activities/state', { query: { ...scope, since } })).json()).toEqual(['s1', 's2']);
      expect(await (await xapi('GET', 'activities/state', { query: { ...scope, registration } })).json()).toEqual(['s2']);
      expect(await (await xapi('GET', 'activities/state', { query: { ...scope, since: new Date(Date.now() + 60_000).toISOString() } })).json()).toEqual([]);

      expect((await xapi('DELETE', 'activities/state', { query: scope })).status).toBe(204);
      expect(await (await xapi('GET', 'activities/state', { query: scope })).json()).toEqual([]);
    });

    it.each([
      ['no activityId', { agent: AGENT, stateId: 's' }],
      ['an agent that is not JSON', { activityId: ACTIVITY, agent: 'not JSON', stateId: 's' }],
      ['a registration that is not a UUID', state('s', { registration: 'true' })],
      ['a since that is not a timestamp', { activityId: ACTIVITY, agent: AGENT, since: 'not a timestamp' }],
      ['a wrong-case parameter', { activityId: ACTIVITY, agent: AGENT, StateId: 's' }],
    ])('answers 400 to a GET with %s', async (_case, query) => {
      expect((await xapi('GET', 'activities/state', { query })).status).toBe(400);
    });

    it('answers 409 to a header-less PUT over an existing state in 2.0, and lets 1.0.3 overwrite it', async () => {
      const query = state();
      await xapi('PUT', 'activities/state', { query, body: { v: 1 } });
      const conflict = await xapi('PUT', 'activities/state', { query, body: { v: 2 } });
      expect(conflict.status).toBe(409);
      expect(((await conflict.json()) as { error: string }).error).toMatch(/If-Match/);
      expect((await xapi('PUT', 'activities/state', { query, body: { v: 3 }, version: '1.0.3' })).status).toBe(204);
      expect(await (await xapi('GET', 'activities/state', { query })).json()).toEqual({ v: 3 });
    });
  });

  describe('Activity Profile and Agent Profile', () => {
    it('creates with If-None-Match: *, refuses a second create and a stale If-Match with 412, accepts the current ETag', async () => {
      const query = { activityId: ACTIVITY, profileId: randomUUID() };
      const create = (body: unknown) => xapi('PUT', 'activities/profile', { query, body, headers: { 'if-none-match': '*' } });
      expect((await create({ v: 1 })).status).toBe(204);
      expect((await create({ v: 2 })).status).toBe(412);

      const etag = (await xapi('GET', 'activities/profile', { query })).headers.get('etag')!;
      expect((await xapi('PUT', 'activities/profile', { query, body: { v: 3 }, headers: { 'if-match': '"1234"' } })).status).toBe(412);
      expect((await xapi('POST', 'activities/profile', { query, body: { w: 1 }, headers: { 'if-match': etag } })).status).toBe(204);
      expect(await (await xapi('GET', 'activities/profile', { query })).json()).toEqual({ v: 1, w: 1 });
      expect((await xapi('DELETE', 'activities/profile', { query, headers: { 'if-match': etag } })).status).toBe(412);
    });

    it('asks 1.0.3 clients for a precondition header on PUT (400 new, 409 existing)', async () => {
      const query = { agent: AGENT, profileId: randomUUID() };
      expect((await xapi('PUT', 'agents/profile', { query, body: { v: 1 }, version: '1.0.3' })).status).toBe(400);
      expect((await xapi('POST', 'agents/profile', { query, body: { v: 1 }, version: '1.0.3' })).status).toBe(204);
      expect((await xapi('PUT', 'agents/profile', { query, body: { v: 2 }, version: '1.0.3' })).status).toBe(409);
    });

    it('lists an agent\'s profile ids and refuses a profile DELETE without profileId', async () => {
      const agent = { mbox: `mailto:${randomUUID()}@example.org` };
      await xapi('POST', 'agents/profile', { query: { agent, profileId: 'p1' }, body: { a: 1 } });
      expect(await (await xapi('GET', 'agents/profile', { query: { agent } })).json()).toEqual(['p1']);
      expect((await xapi('DELETE', 'agents/profile', { query: { agent } })).status).toBe(400);
      expect((await xapi('DELETE', 'activities/profile', { query: { activityId: ACTIVITY } })).status).toBe(400);
      expect((await xapi('DELETE', 'activities/profile', { query: { activityId: ACTIVITY, profileId: randomUUID() } })).status).toBe(204);
    });
  });

  describe('Activities, Agents and About', () => {
    it('returns the merged definition of an Activity from its statements, and an unknown one by id', async () => {
      const id = `http://www.example.com/meetings/${randomUUID()}`;
      const statement = (name: Record<string, string>) => ({
        actor: { objectType: 'Agent', name: 'Ana', mbox: 'mailto:ana@example.org' },
        verb: { id: 'http://adlnet.gov/expapi/verbs/attended' },
        object: { objectType: 'Activity', id, definition: { name, type: 'http://adlnet.gov/expapi/activities/meeting' } },
      });
      const posted = await xapi('POST', 'statements', { body: [statement({ 'en-US': 'example meeting' }), statement({ 'fr-FR': 'réunion' })] });
      expect(posted.status).toBe(200);

      const activity = await xapi('GET', 'activities', { query: { activityId: id } });
      expect(await activity.json()).toEqual({
        objectType: 'Activity',
        id,
        definition: { name: { 'en-US': 'example meeting', 'fr-FR': 'réunion' }, type: 'http://adlnet.gov/expapi/activities/meeting' },
      });
      const unknown = `http://www.example.com/never/${randomUUID()}`;
      expect(await (await xapi('GET', 'activities', { query: { activityId: unknown } })).json()).toEqual({ objectType: 'Activity', id: unknown });
      expect((await xapi('GET', 'activities')).status).toBe(400);
    });

    it('returns a Person for an agent, and 400 for an agent without an identifier', async () => {
      const person = await xapi('GET', 'agents', { query: { agent: { objectType: 'Agent', mbox: 'mailto:nobody@example.org' } } });
      expect(person.status).toBe(200);
      expect(await person.json()).toEqual({ objectType: 'Person', mbox: ['mailto:nobody@example.org'] });
      expect((await xapi('GET', 'agents', { query: { agent: { objectType: 'Agent', name: 'Rick James' } } })).status).toBe(400);
      expect((await xapi('GET', 'agents')).status).toBe(400);
    });

    it('answers /about without credentials, listing the versions served', async () => {
      const about = await fetch(`${hub.url}/xapi/about`);
      expect(about.status).toBe(200);
      const body = (await about.json()) as { version: string[]; extensions: object };
      expect(body.version).toEqual(expect.arrayContaining(['1.0.3', '2.0.0']));
      expect(body.extensions).toEqual({});
    });
  });
});
