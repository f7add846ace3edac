import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { freshDatabase, TEST_ENGINES, type TestDatabase } from './support/test-databases';
import { startTestHub, type TestHub, TEST_LRS_KEY, LRS_BASIC } from './support/test-hub';

const ADMIN_TOKEN = 'admin-token-for-credential-tests';
const V1 = { 'x-experience-api-version': '1.0.3' };
const basic = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
const statement = () => ({
  id: randomUUID(),
  actor: { objectType: 'Agent', mbox: 'mailto:revoked@example.org' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/attended' },
  object: { id: 'http://example.org/activities/revocation' },
});

/** Two LRS processes on one database, as a scaled-out deployment runs them. */
describe.each(TEST_ENGINES)('LRS credentials across hubs (%s)', (engine) => {
  let database: TestDatabase;
  let hubA: TestHub;
  let hubB: TestHub;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    const env = { HUB_ROLE: 'lrs', HUB_ADMIN_TOKEN: ADMIN_TOKEN };
    hubA = await startTestHub({ databaseUrl: database.url, env });
    hubB = await startTestHub({ databaseUrl: database.url, env });
  });
  afterAll(async () => {
    await hubA?.close();
    await hubB?.close();
    await database?.drop();
  });

  const admin = (hub: TestHub, path: string, init: RequestInit = {}) =>
    fetch(`${hub.url}/admin/api/credentials${path}`, {
      ...init,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    });

  it('refuses a revoked credential on every hub from the moment the revocation answered, with requests in flight', async () => {
    const created = await admin(hubA, '', { method: 'POST', body: JSON.stringify({ name: 'to revoke', scopes: ['all'] }) });
    const { key, secret } = (await created.json()) as { key: string; secret: string };
    const headers = { authorization: basic(key, secret), ...V1, 'content-type': 'application/json' };
    // Both hubs have verified the secret once (and would remember it).
    for (const hub of [hubA, hubB]) expect((await fetch(`${hub.url}/xapi/statements?limit=1`, { headers })).status).toBe(200);

    let revokedAt = Number.POSITIVE_INFINITY;
    const outcomes: { startedAt: number; status: number }[] = [];
    const keepPosting = async (hub: TestHub) => {
      // Until a few requests have started after the revocation answered.
      while (outcomes.filter((o) => o.startedAt > revokedAt).length < 20) {
        const startedAt = performance.now();
        const response = await fetch(`${hub.url}/xapi/statements`, { method: 'POST', headers, body: JSON.stringify(statement()) });
        await response.arrayBuffer();
        outcomes.push({ startedAt, status: response.status });
      }
    };
    const traffic = [hubA, hubB, hubA, hubB].map(keepPosting);
    await new Promise((r) => setTimeout(r, 50));
    const revoke = await admin(hubA, `/${key}`, { method: 'DELETE' });
    revokedAt = performance.now();
    expect(revoke.status).toBe(204);
    await Promise.all(traffic);

    const after = outcomes.filter((o) => o.startedAt > revokedAt);
    expect(after.length).toBeGreaterThanOrEqual(20);
    expect(after.map((o) => o.status)).toEqual(after.map(() => 401));
    for (const hub of [hubA, hubB]) {
      const response = await fetch(`${hub.url}/xapi/statements`, { method: 'POST', headers, body: JSON.stringify(statement()) });
      expect(response.status).toBe(401);
    }
  });

  it('refuses to revoke the bootstrap credential, saying it comes from the environment', async () => {
    const response = await admin(hubB, `/${TEST_LRS_KEY}`, { method: 'DELETE' });
    expect(response.status).toBe(409);
    const body = (await response.json()) as { error: string; details: string[] };
    expect(body.error).toContain('comes from the environment (LRS_KEY/LRS_SECRET)');
    expect(body.details).toEqual([expect.stringContaining('LRS_SECRET')]);
    expect((await fetch(`${hubA.url}/xapi/statements?limit=1`, { headers: { authorization: LRS_BASIC, ...V1 } })).status).toBe(200);
  });

  it('requires a name for a new credential', async () => {
    const response = await admin(hubA, '', { method: 'POST', body: JSON.stringify({ scopes: ['all'] }) });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { details: string[] }).details).toEqual([expect.stringMatching(/^name: is required/)]);
  });

  it('does not tell an unauthenticated caller which version a key last spoke', async () => {
    const created = await admin(hubA, '', { method: 'POST', body: JSON.stringify({ name: 'speaks 1.0.3', scopes: ['all'] }) });
    const { key, secret } = (await created.json()) as { key: string; secret: string };
    expect((await fetch(`${hubA.url}/xapi/statements?limit=1`, { headers: { authorization: basic(key, secret), ...V1 } })).status).toBe(200);

    // The owner, without the header, hears 1.0.3: the hint is for it.
    const owner = await fetch(`${hubA.url}/xapi/statements?limit=1`, { headers: { authorization: basic(key, secret) } });
    expect(owner.status).toBe(400);
    expect(owner.headers.get('x-experience-api-version')).toBe('1.0.3');
    // Anyone else naming the key hears the default, whatever the key did.
    for (const guess of [basic(key, 'wrong'), basic(key, `${secret}x`)]) {
      const response = await fetch(`${hubA.url}/xapi/statements?limit=1`, { headers: { authorization: guess } });
      expect(response.status).toBe(401);
      expect(response.headers.get('x-experience-api-version')).toBe('2.0.0');
    }
  });
});
