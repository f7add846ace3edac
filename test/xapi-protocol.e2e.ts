import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { TEST_ENGINES } from './support/test-databases';
import { LRS_BASIC, startTestHubOnFreshDatabase, TEST_LRS_KEY, TEST_LRS_SECRET, type TestHub } from './support/test-hub';

const ADMIN_TOKEN = 'admin-token-for-protocol-tests';
const V1 = { 'x-experience-api-version': '1.0.3' };
const V2 = { 'x-experience-api-version': '2.0.0' };
const basic = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;
const statement = () => ({
  actor: { objectType: 'Agent', mbox: 'mailto:protocol@example.org' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/attended' },
  object: { id: 'http://example.org/activities/protocol' },
});

/** One response with its raw header lines: fetch folds repeated headers, and we count `Date`. */
function rawRequest(url: string, method: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; rawHeaders: string[]; body: string }>((resolve, reject) => {
    const req = httpRequest(url, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, rawHeaders: res.rawHeaders, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe.each(TEST_ENGINES)('xAPI protocol over HTTP (%s)', (engine) => {
  let hub: TestHub;
  let xapi: string;

  beforeAll(async () => {
    hub = await startTestHubOnFreshDatabase(engine, { env: { HUB_ROLE: 'lrs', HUB_ADMIN_TOKEN: ADMIN_TOKEN } });
    xapi = `${hub.url}/xapi`;
  });
  afterAll(() => hub?.close());

  const admin = (path: string, init: RequestInit = {}) =>
    fetch(`${hub.url}/admin/api/credentials${path}`, {
      ...init,
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
    });
  const createCredential = async (scopes: string[]) => {
    const response = await admin('', { method: 'POST', body: JSON.stringify({ name: `test ${scopes.join(' ')}`, scopes }) });
    expect(response.status).toBe(201);
    return (await response.json()) as { key: string; secret: string; authority: Record<string, unknown> };
  };

  describe('versioning (xAPI 1.0.3 Communication §3.3)', () => {
    it.each([
      ['1.0.3', '1.0.3'],
      ['1.0', '1.0.3'],
      ['1.0.1', '1.0.3'],
      ['2.0.0', '2.0.0'],
      ['2.0', '2.0.0'],
    ])('serves a %s request and says %s', async (asked, served) => {
      const response = await fetch(`${xapi}/statements`, { headers: { authorization: LRS_BASIC, 'x-experience-api-version': asked } });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-experience-api-version')).toBe(served);
    });

    it.each([['0.9'], ['0.95'], ['1.1'], ['2.1.0'], ['BAD']])('refuses %s with 400, still naming a version', async (asked) => {
      const response = await fetch(`${xapi}/statements`, { headers: { authorization: LRS_BASIC, 'x-experience-api-version': asked } });
      expect(response.status).toBe(400);
      expect(response.headers.get('x-experience-api-version')).toMatch(/^(1\.0\.3|2\.0\.0)$/);
    });

    it('refuses a request without the header with 400 in the version its credential last spoke', async () => {
      await fetch(`${xapi}/statements`, { headers: { authorization: LRS_BASIC, ...V1 } });
      const asV1 = await fetch(`${xapi}/statements`, { method: 'POST', headers: { authorization: LRS_BASIC, 'content-type': 'application/json' }, body: '{}' });
      expect(asV1.status).toBe(400);
      expect(asV1.headers.get('x-experience-api-version')).toBe('1.0.3');

      await fetch(`${xapi}/statements`, { headers: { authorization: LRS_BASIC, ...V2 } });
      const asV2 = await fetch(`${xapi}/statements?statementId=${randomUUID()}`, { headers: { authorization: LRS_BASIC } });
      expect(asV2.status).toBe(400);
      expect(asV2.headers.get('x-experience-api-version')).toBe('2.0.0');
    });

    it('puts the version header on every /xapi answer: errors, 401s and unknown paths too', async () => {
      for (const response of [
        await fetch(`${xapi}/statements`, { headers: V1 }),
        await fetch(`${xapi}/no-such-resource`, { headers: { authorization: LRS_BASIC, ...V1 } }),
        await fetch(`${xapi}/statements?statementId=${randomUUID()}`, { headers: { authorization: LRS_BASIC, ...V1 } }),
      ]) {
        expect(response.status).toBeGreaterThanOrEqual(400);
        expect(response.headers.get('x-experience-api-version')).toBe('1.0.3');
      }
    });

    it('serves about without credentials or version header', async () => {
      const response = await fetch(`${xapi}/about`);
      expect(response.status).toBe(200);
      expect(response.headers.get('x-experience-api-version')).toMatch(/^(1\.0\.3|2\.0\.0)$/);
    });
  });

  describe('authentication (xAPI 1.0.3 Communication §4.0)', () => {
    it.each([
      ['no credentials', undefined],
      ['a wrong secret', basic(TEST_LRS_KEY, 'wrong')],
      ['an unknown key', basic('nobody', TEST_LRS_SECRET)],
      ['a malformed header', `Basic:${Buffer.from(`${TEST_LRS_KEY}:${TEST_LRS_SECRET}`).toString('base64')}`],
    ])('answers %s with 401 and a Basic challenge', async (_case, authorization) => {
      const headers: Record<string, string> = { ...V1, 'content-type': 'application/json' };
      if (authorization) headers.authorization = authorization;
      const response = await fetch(`${xapi}/statements?statementId=${randomUUID()}`, { method: 'PUT', headers, body: JSON.stringify(statement()) });
      expect(response.status).toBe(401);
      expect(response.headers.get('www-authenticate')).toMatch(/^Basic /);
      expect(await response.json()).toEqual({ error: expect.any(String), details: [] });
    });
  });

  describe('HTTP basics (xAPI 1.0.3 Communication §1.1, §1.5)', () => {
    it.each([
      ['GET 200', 'GET', '/statements', { authorization: LRS_BASIC, ...V1 }],
      ['HEAD 200', 'HEAD', '/statements', { authorization: LRS_BASIC, ...V1 }],
      ['400', 'GET', '/statements', { authorization: LRS_BASIC }],
      ['401', 'GET', '/statements', V1],
      ['404', 'GET', '/nothing-here', { authorization: LRS_BASIC, ...V1 }],
    ])('sends exactly one Date header (%s)', async (_case, method, path, headers) => {
      const response = await rawRequest(`${xapi}${path}`, method, headers);
      const dates = response.rawHeaders.filter((_value, i) => i % 2 === 0 && response.rawHeaders[i].toLowerCase() === 'date');
      expect(dates).toHaveLength(1);
    });

    it('answers HEAD like GET, without a body', async () => {
      const headers = { authorization: LRS_BASIC, ...V1 };
      const get = await fetch(`${xapi}/statements`, { headers });
      const head = await fetch(`${xapi}/statements`, { method: 'HEAD', headers });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe('');
      for (const name of ['content-type', 'x-experience-api-version']) expect(head.headers.get(name)).toBe(get.headers.get(name));
      expect(head.headers.get('x-experience-api-consistent-through')).toEqual(expect.any(String));
    });

    it.each([
      ['/about', {}],
      ['/activities?activityId=http%3A%2F%2Fexample.org%2Factivities%2Fprotocol', { authorization: LRS_BASIC, ...V1 }],
      [`/agents?agent=${encodeURIComponent(JSON.stringify({ mbox: 'mailto:protocol@example.org' }))}`, { authorization: LRS_BASIC, ...V2 }],
    ])('answers HEAD %s wherever GET is served', async (path, headers) => {
      const head = await fetch(`${xapi}${path}`, { method: 'HEAD', headers });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe('');
      expect(head.headers.get('x-experience-api-version')).toEqual(expect.any(String));
    });

    it('refuses statements sent as anything but application/json or multipart/mixed', async () => {
      const response = await fetch(`${xapi}/statements`, {
        method: 'POST',
        headers: { authorization: LRS_BASIC, ...V1, 'content-type': 'multipart/form-data; boundary=xyz' },
        body: JSON.stringify(statement()),
      });
      expect(response.status).toBe(400);
    });
  });

  describe('alternate request syntax (xAPI 1.0.3 Communication §1.3)', () => {
    const form = (fields: Record<string, string>) => new URLSearchParams(fields).toString();
    const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

    it('takes a PUT sent as a POST form, headers included, and serves it back through a GET form', async () => {
      const id = randomUUID();
      const put = await fetch(`${xapi}/statements?method=PUT`, {
        method: 'POST',
        headers: FORM,
        body: form({ statementId: id, content: JSON.stringify(statement()), Authorization: LRS_BASIC, 'X-Experience-API-Version': '1.0.3' }),
      });
      expect(put.status).toBe(204);
      expect(put.headers.get('x-experience-api-version')).toBe('1.0.3');

      const get = await fetch(`${xapi}/statements?method=GET`, {
        method: 'POST',
        headers: { ...FORM, authorization: LRS_BASIC, ...V1 },
        body: form({ statementId: id }),
      });
      expect(get.status).toBe(200);
      expect(((await get.json()) as { id: string }).id).toBe(id);
    });

    it.each([
      ['in xAPI 2.0, which removed it', 'POST', '?method=PUT', { ...FORM, authorization: LRS_BASIC, ...V2 }, { statementId: randomUUID(), content: '{}' }],
      ['unless issued as a POST', 'PUT', '?method=POST', { ...FORM, authorization: LRS_BASIC, ...V1 }, { content: '{}' }],
      ['with parameters left in the query string', 'POST', `?method=PUT&statementId=${randomUUID()}`, { ...FORM, authorization: LRS_BASIC, ...V1 }, { content: '{}' }],
      ['naming an unsupported version in the form', 'POST', '?method=PUT', { ...FORM, authorization: LRS_BASIC, ...V1 }, { statementId: randomUUID(), 'X-Experience-API-Version': '0.8', content: JSON.stringify(statement()) }],
      ['without content', 'POST', '?method=PUT', { ...FORM, authorization: LRS_BASIC, ...V1 }, { statementId: randomUUID() }],
    ])('refuses it %s with 400', async (_case, method, query, headers, fields) => {
      const response = await fetch(`${xapi}/statements${query}`, { method, headers, body: form(fields) });
      expect(response.status).toBe(400);
      expect(response.headers.get('x-experience-api-version')).toEqual(expect.any(String));
    });

    it('refuses a JSON body labelled as a form', async () => {
      const response = await fetch(`${xapi}/statements?method=PUT`, {
        method: 'POST',
        headers: { ...FORM, authorization: LRS_BASIC, ...V1 },
        body: JSON.stringify({ statementId: randomUUID(), content: JSON.stringify(statement()) }),
      });
      expect(response.status).toBe(400);
    });
  });

  describe('credentials and scopes (xAPI 1.0.3 Communication §4.2)', () => {
    it('manages credentials through the admin API, never showing a secret twice', async () => {
      expect((await fetch(`${hub.url}/admin/api/credentials`)).status).toBe(401);
      expect((await admin('', { method: 'POST', body: JSON.stringify({ scopes: ['everything'] }) })).status).toBe(400);

      const created = await createCredential(['statements/read']);
      expect(created.secret).toEqual(expect.any(String));
      const listed = (await (await admin('')).json()) as Record<string, unknown>[];
      expect(listed.map((c) => c.key)).toEqual(expect.arrayContaining([TEST_LRS_KEY, created.key]));
      expect(JSON.stringify(listed)).not.toContain(created.secret);
      expect(listed.find((c) => c.key === TEST_LRS_KEY)).toMatchObject({ scopes: ['all'], revokedAt: null });
    });

    it('lets each credential do what its scopes allow and stamps its authority on what it writes', async () => {
      const writer = await createCredential(['statements/write']);
      const reader = await createCredential(['statements/read']);
      const asWriter = { authorization: basic(writer.key, writer.secret), ...V1, 'content-type': 'application/json' };
      const asReader = { authorization: basic(reader.key, reader.secret), ...V1, 'content-type': 'application/json' };

      const posted = await fetch(`${xapi}/statements`, { method: 'POST', headers: asWriter, body: JSON.stringify(statement()) });
      expect(posted.status).toBe(200);
      const [id] = (await posted.json()) as string[];
      expect((await fetch(`${xapi}/statements?statementId=${id}`, { headers: asWriter })).status).toBe(403);

      const read = await fetch(`${xapi}/statements?statementId=${id}`, { headers: asReader });
      expect(read.status).toBe(200);
      expect(((await read.json()) as { authority: unknown }).authority).toEqual(writer.authority);
      const denied = await fetch(`${xapi}/statements`, { method: 'POST', headers: asReader, body: JSON.stringify(statement()) });
      expect(denied.status).toBe(403);
      expect(denied.headers.get('x-experience-api-version')).toBe('1.0.3');
    });

    it('shows a statements/read/mine credential only the statements it wrote', async () => {
      const own = await createCredential(['statements/write', 'statements/read/mine']);
      const asOwn = { authorization: basic(own.key, own.secret), ...V1, 'content-type': 'application/json' };
      const verb = { id: `http://example.org/verbs/${randomUUID()}` };
      const post = async (headers: Record<string, string>) => {
        const response = await fetch(`${xapi}/statements`, { method: 'POST', headers, body: JSON.stringify({ ...statement(), verb }) });
        expect(response.status).toBe(200);
        return ((await response.json()) as string[])[0];
      };
      const mine = await post(asOwn);
      const theirs = await post({ authorization: LRS_BASIC, ...V1, 'content-type': 'application/json' });

      const page = await fetch(`${xapi}/statements?verb=${encodeURIComponent(verb.id)}`, { headers: asOwn });
      expect(page.status).toBe(200);
      expect(((await page.json()) as { statements: { id: string }[] }).statements.map((s) => s.id)).toEqual([mine]);
      expect((await fetch(`${xapi}/statements?statementId=${mine}`, { headers: asOwn })).status).toBe(200);
      expect((await fetch(`${xapi}/statements?statementId=${theirs}`, { headers: asOwn })).status).toBe(404);
    });

    it('refuses a revoked credential', async () => {
      const credential = await createCredential(['all']);
      const headers = { authorization: basic(credential.key, credential.secret), ...V1 };
      expect((await fetch(`${xapi}/statements`, { headers })).status).toBe(200);
      expect((await admin(`/${credential.key}`, { method: 'DELETE' })).status).toBe(204);
      expect((await fetch(`${xapi}/statements`, { headers })).status).toBe(401);
      expect((await admin(`/${credential.key}`, { method: 'DELETE' })).status).toBe(404);
    });
  });
});
