import { join } from 'node:path';
import { configFor, dryRun, inboundRequest, loadSamples, runSample, testContext } from '../../src/connector-sdk';
import { signAccessToken, verifyAccessToken } from './access-token';
import { connector } from './index';
import { mintedStatementId } from './statements-in';

const baseConfig = {
  key: 'moodle-logstore',
  secret: 'lrs-secret-0123456789abcdef',
  clientId: 'linkedin-learning',
  clientSecret: 'oauth-client-secret-0123456789',
};
const INSTANCE = 'xapi-in';
const config = configFor(connector, baseConfig);
const samples = loadSamples(join(__dirname, 'samples'));
const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const NOW = new Date('2026-11-25T16:00:00Z');

const statement = (over: Record<string, unknown> = {}) => ({
  actor: { objectType: 'Agent', name: 'Ana Lima', mbox: 'mailto:ana.lima@acme.example' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
  object: { objectType: 'Activity', id: 'https://lms.acme.example/courses/42' },
  timestamp: '2026-11-25T15:00:00Z',
  ...over,
});

/** A statements request as the hub routes it, through the same path live traffic takes. */
async function post(body: unknown, headers: Record<string, string> = {}, options: { method?: string; query?: Record<string, string>; now?: Date } = {}) {
  const now = options.now ?? NOW;
  const request = inboundRequest({
    method: options.method ?? 'POST',
    path: '/xapi/statements',
    headers: { 'content-type': 'application/json', 'x-experience-api-version': '1.0.3', authorization: basic(baseConfig.key, baseConfig.secret), ...headers },
    body: JSON.stringify(body),
    query: options.query,
    receivedAt: now,
  });
  return dryRun(connector, request, testContext({ instanceId: INSTANCE, config, now }), { verify: true, versions: ['1.0.3'] });
}

async function tokenFor(now = NOW, form = `grant_type=client_credentials&client_id=${baseConfig.clientId}&client_secret=${baseConfig.clientSecret}`, headers: Record<string, string> = {}) {
  const request = inboundRequest({ method: 'POST', path: '/oauth/token', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: form, receivedAt: now });
  return (await dryRun(connector, request, testContext({ instanceId: INSTANCE, config, now }), { verify: true, versions: ['1.0.3'] })).handshake!;
}

describe('xapi-passthrough', () => {
  it.each(samples)('$name gives what it expects, valid xAPI', async ({ sample }) => {
    const result = await runSample(connector, { instanceId: INSTANCE, ...sample }, baseConfig);
    expect(result).toMatchObject(sample.expected);
    for (const event of result.events) expect(event.invalid).toEqual([]);
  });

  describe('ids', () => {
    it('keeps an incoming id (lower-cased, as UUIDs compare) as the statement id and the event key', async () => {
      const result = await post(statement({ id: '6B5C3A9E-2F1D-4C8B-9A7E-0D1E2F3A4B5C' }));
      expect(result.events).toMatchObject([{ eventKey: '6b5c3a9e-2f1d-4c8b-9a7e-0d1e2f3a4b5c', statements: [{ id: '6b5c3a9e-2f1d-4c8b-9a7e-0d1e2f3a4b5c' }] }]);
    });

    it('mints the same id for the same statement sent again (key order does not matter), another for another statement or instance', async () => {
      const a = await post(statement());
      const reordered = Object.fromEntries(Object.entries(statement()).reverse());
      const b = await post(reordered);
      expect(b.events[0].eventKey).toBe(a.events[0].eventKey);
      expect(a.events[0].statements[0].id).toBe(a.events[0].eventKey);
      expect(a.reply).toMatchObject({ status: 200, body: [a.events[0].eventKey] });
      const other = await post(statement({ timestamp: '2026-11-25T15:00:01Z' }));
      expect(other.events[0].eventKey).not.toBe(a.events[0].eventKey);
      expect(mintedStatementId('another-instance', statement())).not.toBe(a.events[0].eventKey);
    });

    it('refuses the same id twice in one batch', async () => {
      const id = '6b5c3a9e-2f1d-4c8b-9a7e-0d1e2f3a4b5c';
      const result = await post([statement({ id }), statement({ id, verb: { id: 'http://adlnet.gov/expapi/verbs/passed' } })]);
      expect(result.refused).toMatchObject({ status: 400, details: [`statement[1].id: ${id} appears twice in the batch`] });
    });

    it('takes a long id-less statement and a 200-character activity id', async () => {
      const result = await post(statement({ object: { objectType: 'Activity', id: `https://lms.acme.example/${'x'.repeat(200)}` } }));
      expect(result.events[0].invalid).toEqual([]);
    });
  });

  describe('PUT', () => {
    const id = '3f2e1d0c-9b8a-4765-8432-10fedcba9876';
    it('needs statementId, a UUID matching the body id, and one statement', async () => {
      expect((await post(statement(), {}, { method: 'PUT' })).refused).toMatchObject({ status: 400, error: expect.stringMatching(/needs the statementId query parameter/) });
      expect((await post(statement(), {}, { method: 'PUT', query: { statementId: 'nope' } })).refused).toMatchObject({ status: 400, error: 'statementId "nope" is not a UUID' });
      expect((await post(statement({ id: '6b5c3a9e-2f1d-4c8b-9a7e-0d1e2f3a4b5c' }), {}, { method: 'PUT', query: { statementId: id } })).refused).toMatchObject({ error: expect.stringMatching(/differs from statementId/) });
      expect((await post([statement()], {}, { method: 'PUT', query: { statementId: id } })).refused).toMatchObject({ error: 'PUT takes one statement (a JSON object)' });
      expect(await post(statement({ id: id.toUpperCase() }), {}, { method: 'PUT', query: { statementId: id } })).toMatchObject({ events: [{ eventKey: id }], reply: { status: 204, body: '' } });
    });
  });

  describe('actors', () => {
    it('lower-cases every mbox: actor, instructor, team, group members, an agent as object', async () => {
      const result = await post(
        statement({
          actor: { objectType: 'Group', name: 'Team', member: [{ mbox: 'mailto:A@Acme.example' }, { account: { homePage: 'https://x.example', name: 'B' } }] },
          object: { objectType: 'Agent', mbox: 'MAILTO:Coach@Acme.example' },
          context: { instructor: { mbox: 'mailto:Trainer@ACME.example' }, team: { objectType: 'Group', mbox: 'mailto:Team@ACME.example' } },
        }),
      );
      const [s] = result.events[0].statements;
      expect(s.actor.member![0].mbox).toBe('mailto:a@acme.example');
      expect(s.actor.member![1].account!.name).toBe('B'); // account names are ids: kept as sent
      expect((s.object as { mbox: string }).mbox).toBe('mailto:coach@acme.example');
      expect(s.context!.instructor!.mbox).toBe('mailto:trainer@acme.example');
      expect(s.context!.team!.mbox).toBe('mailto:team@acme.example');
    });

    it('refuses a name-only instructor or group member, naming the field', async () => {
      const result = await post(statement({ context: { instructor: { name: 'Coach Carla' } } }));
      expect(result.refused?.details).toEqual(['statement.context.instructor: the agent has no identifier (only the name "Coach Carla"): send mbox, mbox_sha1sum, openid or account — a display name does not identify a learner']);
      const member = await post(statement({ actor: { objectType: 'Group', mbox: 'mailto:team@acme.example', member: [{ name: 'Nameless' }] } }));
      expect(member.refused?.details).toEqual([expect.stringMatching(/^statement\.actor\.member\[0\]: the agent has no identifier/)]);
    });

    it('drops stored and authority: the destination LRS sets them', async () => {
      const result = await post(statement({ stored: '2026-11-25T15:00:00Z', authority: { mbox: 'mailto:moodle@acme.example' } }));
      expect(result.events[0].statements[0]).not.toHaveProperty('stored');
      expect(result.events[0].statements[0]).not.toHaveProperty('authority');
    });
  });

  describe('requests it refuses', () => {
    it('an empty batch, a body that is not JSON, an unknown version', async () => {
      expect((await post([])).refused).toMatchObject({ status: 400, error: 'the array holds no statements' });
      expect((await post(statement(), { 'content-type': 'multipart/mixed; boundary=x' })).refused).toMatchObject({ status: 415 });
      expect((await post(statement(), { 'x-experience-api-version': '0.95' })).refused).toMatchObject({ status: 400, error: expect.stringMatching(/"0.95" is not a version/) });
    });

    it('the plain hook: this instance is an xAPI endpoint', async () => {
      const request = inboundRequest({ headers: { 'content-type': 'application/json' }, body: '{}' });
      const result = await dryRun(connector, request, testContext({ instanceId: INSTANCE, config }), { verify: true, versions: ['1.0.3'] });
      expect(result.handshake).toMatchObject({ status: 404, body: { error: 'this instance is an xAPI endpoint: send statements to /hooks/xapi-in/xapi/statements' } });
    });
  });

  describe('credentials', () => {
    it('takes Basic with the key and secret; refuses a wrong key, a missing header, Basic where only OAuth is configured', async () => {
      expect((await post(statement())).verified).toEqual({ ok: true });
      expect((await post(statement(), { authorization: basic('someone-else', baseConfig.secret) })).verified).toEqual({ ok: false, reason: 'the LRS key or secret does not match' });
      expect((await post(statement(), { authorization: '' })).verified).toMatchObject({ ok: false, reason: expect.stringMatching(/^send Authorization: Basic/) });
      const oauthOnly = configFor(connector, { clientId: 'c', clientSecret: baseConfig.clientSecret });
      const request = inboundRequest({ path: '/xapi/statements', headers: { authorization: basic(baseConfig.key, baseConfig.secret) }, body: '{}' });
      expect(await connector.verify(request, testContext({ instanceId: INSTANCE, config: oauthOnly, now: NOW }))).toMatchObject({ ok: false, reason: expect.stringMatching(/takes no HTTP Basic/) });
    });

    it('gives a token for the client credentials (in the form or as Basic) that then opens the statements endpoint until it expires', async () => {
      const answer = await tokenFor();
      expect(answer).toMatchObject({ status: 200, body: { token_type: 'Bearer', expires_in: 3600 }, headers: { 'Cache-Control': 'no-store' } });
      const token = (answer.body as { access_token: string }).access_token;
      const withToken = (now: Date) => post(statement(), { authorization: `Bearer ${token}` }, { now });
      expect((await withToken(new Date('2026-11-25T16:59:00Z'))).verified).toEqual({ ok: true });
      expect((await withToken(new Date('2026-11-25T17:00:00Z'))).verified).toMatchObject({ ok: false, reason: expect.stringMatching(/expired/) });
      const viaBasic = await tokenFor(NOW, 'grant_type=client_credentials', { authorization: basic(baseConfig.clientId, baseConfig.clientSecret) });
      expect(viaBasic.status).toBe(200);
    });

    it('refuses a tampered token, one for another instance, one signed with an older client secret', async () => {
      const token = signAccessToken({ aud: INSTANCE, sub: baseConfig.clientId, iat: 0, exp: 2_000_000_000 }, baseConfig.clientSecret);
      const expected = { instanceId: INSTANCE, clientId: baseConfig.clientId, clientSecret: baseConfig.clientSecret, now: NOW };
      expect(verifyAccessToken(token, expected)).toEqual({ ok: true });
      const [h, , s] = token.split('.');
      const forged = `${h}.${Buffer.from(JSON.stringify({ aud: INSTANCE, sub: baseConfig.clientId, iat: 0, exp: 2_100_000_000 })).toString('base64url')}.${s}`;
      expect(verifyAccessToken(forged, expected)).toMatchObject({ ok: false, reason: expect.stringMatching(/signature does not match/) });
      expect(verifyAccessToken(token, { ...expected, instanceId: 'other' })).toMatchObject({ ok: false, reason: 'the bearer token was given out for another instance' });
      expect(verifyAccessToken(token, { ...expected, clientSecret: 'rotated-client-secret-0123456789' })).toMatchObject({ ok: false });
      expect(verifyAccessToken('abc', expected)).toMatchObject({ ok: false });
    });

    it('token endpoint errors follow RFC 6749 §5.2', async () => {
      expect(await tokenFor(NOW, 'grant_type=password&client_id=x&client_secret=y')).toMatchObject({ status: 400, body: { error: 'unsupported_grant_type' } });
      expect(await tokenFor(NOW, 'grant_type=client_credentials')).toMatchObject({ status: 400, body: { error: 'invalid_request' } });
      expect(await tokenFor(NOW, 'grant_type=client_credentials', { authorization: basic(baseConfig.clientId, 'wrong-secret-0123456789') })).toMatchObject({
        status: 401,
        body: { error: 'invalid_client' },
        headers: { 'WWW-Authenticate': 'Basic realm="xapi-hub"' },
      });
    });
  });

  describe('config', () => {
    it('needs Basic or OAuth credentials, each pair whole', () => {
      const problems = (plain: Record<string, unknown>) => connector.checkConfig!(configFor(connector, plain), { check: () => undefined });
      expect(problems(baseConfig)).toEqual([]);
      expect(problems({})).toEqual([{ path: 'key', reason: expect.stringMatching(/never open/) }]);
      expect(problems({ key: 'k' })).toEqual([{ path: 'secret', reason: 'give key and secret together (HTTP Basic)' }]);
      expect(problems({ clientSecret: baseConfig.clientSecret })).toEqual([{ path: 'clientId', reason: expect.stringMatching(/together/) }]);
    });
  });
});
