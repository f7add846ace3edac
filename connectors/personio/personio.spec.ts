import { join } from 'node:path';
import { type ConnectorSample, configFor, inboundRequest, loadSamples, runTaskSample, statementIdFor, testContext } from '../../src/connector-sdk';
import { itMapsEverySample, sampleNamed } from '../../src/connector-sdk/testing/sample-suite';
import { connector } from './index';
import { employeeFacts } from './employees';
import { attendanceSeconds, attendanceTimestamp } from './personio.mapping';
import { attendanceKey, CURSOR_KEY, pullQuery } from './pull.task';
import { trainingMatch } from './training-rule';

const API = 'https://api.personio.de/v1';
const baseConfig = {
  clientId: 'papi-acme-client-id',
  clientSecret: 'papi-acme-client-secret',
  companyUrl: 'https://acme.personio.de',
  timeZone: 'Europe/Berlin',
  trainingProjectIds: [567],
  trainingProjectNames: ['Erste-Hilfe-Schulung'],
  trainingCommentKeywords: ['training', 'schulung'],
};
const INSTANCE = 'personio-training';
const config = configFor(connector, baseConfig);
const samples = loadSamples(join(__dirname, 'samples'));
const taskSamples = samples.filter((s) => (s.sample as { task?: string }).task === 'pull');
const requestSamples = samples.filter((s) => !taskSamples.includes(s));
const sample = (name: string) => sampleNamed(samples, name);

/** A pull sample through the SDK's task runner, as this instance. */
const runPull = (pull: ConnectorSample) => runTaskSample(connector, 'pull', { instanceId: INSTANCE, ...pull }, baseConfig);

describe('personio', () => {
  it.each(taskSamples)('$name (pull) gives what it expects, valid xAPI', async ({ sample: pull }) => {
    const result = await runPull(pull);
    expect(result).toMatchObject(pull.expected);
    expect(result.events).toHaveLength((pull.expected.events ?? []).length);
    for (const event of result.events) expect(event.invalid).toEqual([]);
  });

  describe('posted', () => {
    itMapsEverySample(connector, requestSamples, baseConfig);
  });

  describe('pull task', () => {
    it('runs every pollMinutes', () => {
      expect(connector.tasks!.pull.everyMs(configFor(connector, { ...baseConfig, pollMinutes: 10 }))).toBe(600_000);
    });

    it('signs in with the client id and secret, and sends the token on every call', async () => {
      const result = await runPull(sample('first-pull.json'));
      const calls = result.context.http.calls;
      expect(calls[0]).toEqual({ method: 'POST', url: `${API}/auth`, headers: { accept: 'application/json' }, data: { client_id: 'papi-acme-client-id', client_secret: 'papi-acme-client-secret' } });
      for (const call of calls.slice(1)) expect(call.headers?.authorization).toMatch(/^Bearer eyJ/);
      expect(calls.map((c) => c.url)).toEqual([`${API}/auth`, `${API}/company/attendances`, `${API}/company/employees/325659`, `${API}/company/employees/325660`]);
    });

    it('leaves the state exactly as it was when the credentials are refused', async () => {
      const failing = sample('auth-failure.json');
      const result = await runPull(failing);
      expect(result.error).toMatch(/^Personio refused the API credentials \(401\)/);
      expect(result.state).toEqual(failing.state);
    });

    it('gets a new token once when Personio refuses the cached one, and fails clearly if the new one is refused too', async () => {
      const query = pullQuery('2026-11-21T10:00:00+01:00', new Date('2026-11-27T08:00:00Z'), config);
      const url = `${API}/company/attendances?${new URLSearchParams({ ...query, limit: '200', offset: '0' } as Record<string, string>)}`;
      const ctx = testContext({
        config,
        now: new Date('2026-11-27T08:00:00Z'),
        state: { token: { token: 'revoked', expiresAt: '2026-11-28T00:00:00.000Z' }, [CURSOR_KEY]: '2026-11-21T10:00:00+01:00' },
        http: [
          { method: 'POST', url: `${API}/auth`, body: { success: true, data: { token: 'fresh', expires_in: 3600 } } },
          { url, status: 401, body: { success: false, error: { code: 401, message: 'Token is invalid' } } },
        ],
      });
      await expect(connector.tasks!.pull.run(ctx)).rejects.toThrow('Personio refused a new token (401)');
      expect(ctx.http.calls.map((c) => `${c.method ?? 'GET'} ${c.headers?.authorization ?? ''}`)).toEqual(['GET Bearer revoked', 'POST ', 'GET Bearer fresh']);
      expect(ctx.state.snapshot()[CURSOR_KEY]).toBe('2026-11-21T10:00:00+01:00');
    });

    it('fails on 403 naming the read access the credentials need, and on a 5xx, leaving the cursor', async () => {
      for (const [status, reason] of [
        [403, /need read access to attendances and to employees/],
        [503, /Personio answered 503 without attendance periods/],
      ] as const) {
        const ctx = testContext({ config, now: new Date('2026-11-27T08:00:00Z'), state: { token: { token: 't', expiresAt: '2026-11-28T00:00:00.000Z' }, [CURSOR_KEY]: '2026-11-21T10:00:00+01:00' }, http: [{ url: `${API}/company/attendances*`, status, body: {} }] });
        await expect(connector.tasks!.pull.run(ctx)).rejects.toThrow(reason);
        expect(ctx.state.snapshot()[CURSOR_KEY]).toBe('2026-11-21T10:00:00+01:00');
      }
    });

    it('reads employees from the cache while fresh, from Personio once stale', async () => {
      const pull = sample('incremental-pull-with-cursor.json');
      const stale = { ...pull, state: { ...pull.state, 'employee:325659': { fetchedAt: '2026-11-27T05:00:00.000Z', facts: { id: '325659', name: 'Old Name' } } } };
      await expect(runPull(stale)).resolves.toMatchObject({ error: expect.stringContaining('/company/employees/325659 has no recorded answer') });
      const fresh = await runPull(pull);
      expect(fresh.context.http.calls).toHaveLength(1);
    });

    it('voids exactly the statement sent for the earlier version', async () => {
      const result = await runPull(sample('incremental-pull-with-cursor.json'));
      const target = statementIdFor(INSTANCE, 'attendance:25000101:2026-11-10T12:41:08+01:00', 'attended:325659');
      expect(result.events[0].statements[0].object).toEqual({ objectType: 'StatementRef', id: target });
    });

    it('takes the first pull\'s statement ids again for the same version (duplicates, nothing new)', async () => {
      const first = await runPull(sample('first-pull.json'));
      const again = await runPull(sample('re-run-makes-nothing-new.json'));
      const ids = (events: typeof first.events) => Object.fromEntries(events.map((e) => [e.eventKey, e.statements.map((s) => s.id)]));
      expect(ids(first.events)[again.events[0].eventKey]).toEqual(ids(again.events)[again.events[0].eventKey]);
    });

    it('asks from the lookback on the first pull, then for changes since the cursor within windowDays', () => {
      const now = new Date('2026-11-26T23:30:00Z'); // already 27 November in Berlin
      expect(pullQuery(undefined, now, config)).toEqual({ start_date: '2026-10-28', end_date: '2026-11-27' });
      expect(pullQuery('2026-11-12T16:30:00+01:00', now, config)).toEqual({ start_date: '2026-08-29', end_date: '2026-11-27', updated_from: '2026-11-12T16:30:00+01:00' });
    });
  });

  describe('mapping', () => {
    const base = { employee: 1, date: '2026-11-10', start_time: '09:00', end_time: '12:30', break: 15, updated_at: '2026-11-10T12:41:08+01:00' };
    const map = (attributes: Record<string, unknown>, state: Record<string, unknown> = {}) => {
      const ctx = testContext({ instanceId: INSTANCE, config, now: new Date('2026-11-27T08:00:00Z'), state });
      const attendance = { id: 9, attributes: { ...base, ...attributes } };
      return connector.map({ key: attendanceKey(attendance as never), body: { attendance }, receivedAt: '2026-11-27T08:00:00Z' }, ctx);
    };

    it('computes end − start − break, and no duration without times or for no time at all', () => {
      expect(attendanceSeconds({ ...base })).toBe(11_700);
      expect(attendanceSeconds({ ...base, end_time: null })).toBeUndefined();
      expect(attendanceSeconds({ ...base, start_time: '09:00', end_time: '09:15', break: 15 })).toBeUndefined();
      expect(() => attendanceSeconds({ ...base, end_time: '08:00' })).toThrow(/ends \(08:00\) before it starts/);
      expect(() => attendanceSeconds({ ...base, end_time: '8 pm' })).toThrow('end_time "8 pm" is not a time (hh:mm)');
    });

    it('places the timestamp at the end time in the company zone (summer and winter)', () => {
      expect(attendanceTimestamp({ ...base, date: '2026-07-10' }, 'Europe/Berlin')).toBe('2026-07-10T10:30:00.000Z');
      expect(attendanceTimestamp({ ...base }, 'Europe/Berlin')).toBe('2026-11-10T11:30:00.000Z');
      expect(attendanceTimestamp({ ...base, end_time: null, start_time: null }, 'Europe/Berlin')).toBe('2026-11-09T23:00:00.000Z');
    });

    it('recognises training by project id, project name or comment keyword, nothing else', () => {
      expect(trainingMatch({ ...base, project: { id: 567 } }, config)).toEqual({ by: 'project id', project: '567' });
      expect(trainingMatch({ ...base, project: { id: 1, attributes: { name: ' erste-hilfe-schulung ' } } }, config)).toEqual({ by: 'project name', project: '1' });
      expect(trainingMatch({ ...base, comment: 'Brandschutz-SCHULUNG' }, config)).toEqual({ by: 'comment keyword', keyword: 'schulung' });
      expect(trainingMatch({ ...base, project: { id: 2, attributes: { name: 'Sales' } }, comment: 'calls' }, config)).toBeUndefined();
    });

    it('ignores pending and rejected training periods with the reason', async () => {
      expect(await map({ project: { id: 567 }, status: 'pending', end_time: null })).toEqual({ kind: 'ignored', reason: 'attendance is pending, not confirmed' });
      expect(await map({ project: { id: 567 }, status: 'rejected' })).toMatchObject({ kind: 'ignored', reason: 'attendance is rejected, not confirmed' });
    });

    it('voids what it sent when a later version is no longer training, and ignores an older version arriving late', async () => {
      const reported = { 'reported:9': { eventKey: 'attendance:9:2026-11-10T12:41:08+01:00', subKey: 'attended:1', updatedAt: '2026-11-10T12:41:08+01:00' } };
      const moved = await map({ project: { id: 2 }, updated_at: '2026-11-11T08:00:00+01:00' }, reported);
      expect(moved).toMatchObject({ kind: 'statements', statements: [{ subKey: 'void:attendance:9:2026-11-10T12:41:08+01:00:attended:1', statement: { verb: { id: 'http://adlnet.gov/expapi/verbs/voided' } } }] });
      const older = await map({ project: { id: 567 }, updated_at: '2026-11-09T08:00:00+01:00' }, reported);
      expect(older).toMatchObject({ kind: 'ignored', reason: expect.stringMatching(/^an older version/) });
    });

    it('gives a period without updated_at a key from its content: same content, same key', () => {
      const period = { id: 7, attributes: { employee: 1, date: '2026-11-10' } };
      expect(attendanceKey(period)).toMatch(/^attendance:7:[0-9a-f]{16}$/);
      expect(attendanceKey({ ...period })).toBe(attendanceKey(period));
      expect(attendanceKey({ id: 7, attributes: { ...period.attributes, comment: 'x' } })).not.toBe(attendanceKey(period));
    });

    it('keeps a long project id in a valid activity IRI', async () => {
      const long = '9'.repeat(400);
      const outcome = await map({ project: { id: long, attributes: { name: 'Erste-Hilfe-Schulung' } } });
      expect(outcome).toMatchObject({ kind: 'statements', statements: [{ statement: { object: { id: `https://acme.personio.de/attendance-projects/${long}` } } }] });
    });

    it('reads employee facts from Personio attribute objects, falling back to first + last name', () => {
      expect(employeeFacts('5', { data: { attributes: { first_name: { value: 'Ana' }, last_name: { value: 'Lima' }, email: { value: '' } } } })).toEqual({ id: '5', name: 'Ana Lima' });
      expect(employeeFacts('5', {})).toEqual({ id: '5' });
    });
  });

  describe('hook and config', () => {
    const post = (authorization?: string) => inboundRequest({ headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: {} });
    const ctx = (secrets: string[]) => testContext({ config, secrets });
    it('verifies the bearer token against every active secret (rotation), refuses wrong, missing and no-secret', async () => {
      const rotating = ctx(['personio-new-token-0123456789', 'personio-old-token-0123456789']);
      expect(await connector.verify(post('Bearer personio-old-token-0123456789'), rotating)).toEqual({ ok: true });
      expect(await connector.verify(post('Bearer personio-new-token-0123456789'), rotating)).toEqual({ ok: true });
      expect(await connector.verify(post('Bearer personio-old-token-012345678'), rotating)).toEqual({ ok: false, reason: 'the bearer token matches none of the instance secrets' });
      expect(await connector.verify(post(), rotating)).toEqual({ ok: false, reason: 'missing Authorization: Bearer <token> header' });
      expect(await connector.verify(post('Bearer personio-old-token-0123456789'), ctx([]))).toMatchObject({ ok: false, reason: expect.stringMatching(/no secret/) });
    });
    it('asks at boot for at least one training rule', () => {
      const none = configFor(connector, { ...baseConfig, trainingProjectIds: [], trainingProjectNames: [], trainingCommentKeywords: [] });
      expect(connector.checkConfig!(none, { check: () => undefined })).toEqual([{ path: 'trainingProjectIds', reason: expect.stringMatching(/set at least one of/) }]);
      expect(connector.checkConfig!(config, { check: () => undefined })).toEqual([]);
    });
  });
});
