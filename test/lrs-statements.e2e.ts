import { createHash, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { parseMultipart } from '../src/lrs/attachments/multipart';
import { TEST_ENGINES } from './support/test-databases';
import { LRS_BASIC, startTestHubOnFreshDatabase, type TestHub } from './support/test-hub';

const AUTH = { authorization: LRS_BASIC };
const V1 = { ...AUTH, 'x-experience-api-version': '1.0.3' };
const V2 = { ...AUTH, 'x-experience-api-version': '2.0.0' };
const JSON_V1 = { ...V1, 'content-type': 'application/json' };
const VOIDED = 'http://adlnet.gov/expapi/verbs/voided';
const SIGNATURE = 'http://adlnet.gov/expapi/attachments/signature';

const statement = (extra: Record<string, unknown> = {}) => ({
  actor: { objectType: 'Agent', name: 'Ana', mbox: 'mailto:ana@example.org' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/attended', display: { 'en-US': 'attended', 'en-GB': 'attended (GB)' } },
  object: { objectType: 'Activity', id: 'http://example.org/activities/meeting', definition: { name: { 'en-US': 'meeting', 'en-GB': 'meeting (GB)' } } },
  ...extra,
});

/** A multipart/mixed request body: the statements, then each attachment part. */
function multipart(json: unknown, parts: { content: Buffer; hash?: string; contentType?: string }[]) {
  const boundary = `b-${randomUUID()}`;
  const chunks: Buffer[] = [Buffer.from(`--${boundary}\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(json)}\r\n`)];
  for (const part of parts) {
    const hash = part.hash ?? sha256(part.content);
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Type: ${part.contentType ?? 'text/plain'}\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${hash}\r\n\r\n`),
      part.content,
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(chunks), contentType: `multipart/mixed; boundary=${boundary}` };
}
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const attachmentFor = (content: Buffer, extra: Record<string, unknown> = {}) => ({
  usageType: 'http://example.org/attachment-usage/test',
  display: { 'en-US': 'a file' },
  contentType: 'text/plain',
  length: content.length,
  sha2: sha256(content),
  ...extra,
});

describe.each(TEST_ENGINES)('Statement resource over HTTP (%s)', (engine) => {
  let hub: TestHub;
  let statements: string;

  beforeAll(async () => {
    hub = await startTestHubOnFreshDatabase(engine, { env: { HUB_ROLE: 'lrs' } });
    statements = `${hub.url}/xapi/statements`;
  });
  afterAll(() => hub?.close());

  const post = (body: unknown, headers: Record<string, string> = JSON_V1) =>
    fetch(statements, { method: 'POST', headers, body: Buffer.isBuffer(body) ? body : JSON.stringify(body) });
  const put = (id: string, body: unknown) => fetch(`${statements}?statementId=${id}`, { method: 'PUT', headers: JSON_V1, body: JSON.stringify(body) });
  const get = (query: string, headers: Record<string, string> = V1) => fetch(`${statements}?${query}`, { headers });
  const getJson = async (query: string, headers: Record<string, string> = V1) => {
    const response = await get(query, headers);
    expect(response.status).toBe(200);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test looks deep into JSON the LRS returned
    return (await response.json()) as Record<string, any>;
  };

  describe('PUT and POST (Communication §2.1.1–2.1.2)', () => {
    it('PUT stores under the given id (204); the same again is a no-op; other content is 409 naming the id', async () => {
      const id = randomUUID();
      expect((await put(id, statement())).status).toBe(204);
      expect((await put(id, statement())).status).toBe(204);
      const conflict = await put(id, statement({ verb: { id: 'http://example.org/verbs/other' } }));
      expect(conflict.status).toBe(409);
      expect(JSON.stringify(await conflict.json())).toContain(id);
      expect((await getJson(`statementId=${id}`)).verb.id).toBe('http://adlnet.gov/expapi/verbs/attended');
    });

    it('PUT without statementId or with a wrong-case name is 400', async () => {
      expect((await fetch(statements, { method: 'PUT', headers: JSON_V1, body: JSON.stringify(statement()) })).status).toBe(400);
      const wrongCase = await fetch(`${statements}?StatementId=${randomUUID()}`, { method: 'PUT', headers: JSON_V1, body: JSON.stringify(statement()) });
      expect(wrongCase.status).toBe(400);
    });

    it('POST stores one or many and answers their ids; LRS-owned properties are set', async () => {
      const response = await post([statement(), statement({ id: randomUUID() })]);
      expect(response.status).toBe(200);
      const ids = (await response.json()) as string[];
      expect(ids).toHaveLength(2);
      const stored = await getJson(`statementId=${ids[0]}`);
      expect(stored).toMatchObject({ id: ids[0], version: '1.0.0', authority: { objectType: 'Agent' } });
      expect(stored.timestamp).toBe(stored.stored);
      expect(stored.stored).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    });

    it('a batch with one invalid statement, or an id twice, stores nothing (400)', async () => {
      const good = randomUUID();
      expect((await post([statement({ id: good }), statement({ verb: { id: 'not an iri' } })])).status).toBe(400);
      const twice = randomUUID();
      expect((await post([statement({ id: twice }), statement({ id: twice })])).status).toBe(400);
      expect((await get(`statementId=${good}`)).status).toBe(404);
      expect((await get(`statementId=${twice}`)).status).toBe(404);
    });

    it('refuses a body that is neither application/json nor multipart/mixed', async () => {
      expect((await post(JSON.stringify(statement()), { ...V1, 'content-type': 'multipart/form-data; boundary=x' })).status).toBe(400);
    });

    it('keeps version 2.0.0 for 2.0 requests', async () => {
      const [id] = (await (await post(statement(), { ...V2, 'content-type': 'application/json' })).json()) as string[];
      expect((await getJson(`statementId=${id}`, V2)).version).toBe('2.0.0');
    });
  });

  describe('GET (Communication §2.1.3)', () => {
    it('answers a single statement with Consistent-Through and Last-Modified; 400 when statementId has company', async () => {
      const [id] = (await (await post(statement())).json()) as string[];
      const response = await get(`statementId=${id}`);
      expect(response.headers.get('x-experience-api-consistent-through')).toMatch(/Z$/);
      const stored = ((await response.json()) as { stored: string }).stored;
      expect(new Date(response.headers.get('last-modified')!).getTime()).toBe(Math.floor(Date.parse(stored) / 1000) * 1000);
      const bad = await get(`statementId=${id}&verb=http://adlnet.gov/expapi/verbs/attended`);
      expect(bad.status).toBe(400);
      expect(bad.headers.get('x-experience-api-consistent-through')).toBeTruthy();
      expect((await get(`statementId=${id}&format=ids&attachments=false`)).status).toBe(200);
    });

    it('pages with relative more links that neither repeat nor lose statements', async () => {
      const activity = `http://example.org/activities/${randomUUID()}`;
      for (let i = 0; i < 3; i++) await post(statement({ object: { id: activity } }));
      const seen: string[] = [];
      let url = `${statements}?activity=${encodeURIComponent(activity)}&limit=2`;
      for (let page = 0; page < 3 && url; page++) {
        const response = await fetch(url, { headers: V1 });
        expect(response.status).toBe(200);
        const result = (await response.json()) as { statements: { id: string }[]; more: string };
        seen.push(...result.statements.map((s) => s.id));
        if (page === 0) await post(statement({ object: { id: activity } })); // arrives mid-paging
        expect(result.more === '' || result.more.startsWith('/xapi/statements?more=')).toBe(true);
        url = result.more ? new URL(result.more, hub.url).toString() : '';
      }
      expect(seen).toHaveLength(3);
      expect(new Set(seen).size).toBe(3);
    });

    it('formats ids and canonical (with Accept-Language)', async () => {
      const [id] = (await (await post(statement())).json()) as string[];
      const ids = await getJson(`statementId=${id}&format=ids`);
      expect(ids.actor).toEqual({ objectType: 'Agent', mbox: 'mailto:ana@example.org' });
      expect(ids.object).toEqual({ id: 'http://example.org/activities/meeting' });
      const canonical = await getJson(`statementId=${id}&format=canonical`, { ...V1, 'accept-language': 'en-GB' });
      expect(canonical.verb.display).toEqual({ 'en-GB': 'attended (GB)' });
      expect(canonical.object.definition.name).toEqual({ 'en-GB': 'meeting (GB)' });
      const exact = await getJson(`statementId=${id}`, { ...V1, 'accept-language': 'en-GB' });
      expect(Object.keys(exact.verb.display)).toEqual(['en-US', 'en-GB']);
    });
  });

  describe('voiding (Data §2.3.2; Communication §2.1.4)', () => {
    it('hides the voided statement from queries but serves it by voidedStatementId; statements targeting it still match', async () => {
      const verb = `http://example.org/verbs/${randomUUID()}`;
      const [a] = (await (await post(statement({ verb: { id: verb } }))).json()) as string[];
      const [b] = (await (await post(statement({ verb: { id: VOIDED }, object: { objectType: 'StatementRef', id: a } }))).json()) as string[];
      const [c] = (await (await post(statement({ verb: { id: verb }, object: { objectType: 'StatementRef', id: a } }))).json()) as string[];
      expect((await get(`statementId=${a}`)).status).toBe(404);
      expect((await getJson(`voidedStatementId=${a}`)).id).toBe(a);
      expect((await get(`voidedStatementId=${c}`)).status).toBe(404);
      const result = await getJson(`verb=${encodeURIComponent(verb)}`);
      expect(result.statements.map((s: { id: string }) => s.id)).toEqual([c, b]);
      expect((await post(statement({ verb: { id: VOIDED }, object: { objectType: 'StatementRef', id: b } }))).status).toBe(400);
    });
  });

  describe('attachments (Data §2.4.11; Communication §1.5.2)', () => {
    it('takes attachments in multipart/mixed and returns them with attachments=true', async () => {
      const content = Buffer.from(`here is a simple attachment ${randomUUID()}`);
      const { body, contentType } = multipart(statement({ attachments: [attachmentFor(content)] }), [{ content }]);
      const response = await post(body, { ...V1, 'content-type': contentType });
      expect(response.status).toBe(200);
      const [id] = (await response.json()) as string[];

      const single = await get(`statementId=${id}&attachments=true`);
      expect(single.headers.get('content-type')).toMatch(/^multipart\/mixed; boundary=[^"]+$/);
      const parts = parseMultipart(Buffer.from(await single.arrayBuffer()), single.headers.get('content-type')!);
      expect(JSON.parse(parts[0].body.toString()).id).toBe(id);
      expect(parts[1].headers['x-experience-api-hash']).toBe(sha256(content));
      expect(parts[1].headers['content-transfer-encoding']).toBe('binary');
      expect(parts[1].body).toEqual(content);

      const plain = await get(`statementId=${id}`);
      expect(plain.headers.get('content-type')).toMatch(/^application\/json/);
    });

    it('needs no part for fileUrl attachments; refuses a missing part or a wrong hash (400)', async () => {
      const content = Buffer.from('file bytes');
      expect((await post(statement({ attachments: [attachmentFor(content, { fileUrl: 'http://example.org/f.txt' })] }))).status).toBe(200);
      expect((await post(statement({ attachments: [attachmentFor(content)] }))).status).toBe(400);
      const wrong = multipart(statement({ attachments: [attachmentFor(content)] }), [{ content, hash: 'ab'.repeat(32) }]);
      expect((await post(wrong.body, { ...V1, 'content-type': wrong.contentType })).status).toBe(400);
    });

    it('checks signed statements: a matching RS256 JWS is accepted, HS256 is refused', async () => {
      const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const signed = (alg: string) => {
        const s = statement({ id: randomUUID() });
        const input = `${Buffer.from(JSON.stringify({ alg })).toString('base64url')}.${Buffer.from(JSON.stringify(s)).toString('base64url')}`;
        const jws = Buffer.from(`${input}.${sign('sha256', Buffer.from(input), privateKey).toString('base64url')}`);
        const attachment = attachmentFor(jws, { usageType: SIGNATURE, contentType: 'application/octet-stream' });
        return multipart({ ...s, attachments: [attachment] }, [{ content: jws, contentType: 'application/octet-stream' }]);
      };
      const good = signed('RS256');
      expect((await post(good.body, { ...V1, 'content-type': good.contentType })).status).toBe(200);
      const bad = signed('HS256');
      expect((await post(bad.body, { ...V1, 'content-type': bad.contentType })).status).toBe(400);
    });
  });
});
