import { type FakeApi, startFake } from './fake-api';

export type { FakeApi } from './fake-api';

export const WORKDAY_REPORT_PATH = '/ccx/service/customreport2/acme/ISU_xAPI_Hub/xAPI_Learning_Completions';

/**
 * Workday report-as-a-service: `GET <report>?format=json&<prompt>=YYYY-MM-DD` with the integration
 * user's Basic credentials answers `{ Report_Entry: [...] }` — the rows whose completion date is
 * on or after the prompt (rows without a date, still in progress, always), as the report's filter would.
 */
export function startFakeWorkday(options: { rows: Record<string, unknown>[]; username: string; password: string; prompt?: string }): Promise<FakeApi> {
  const expected = `Basic ${Buffer.from(`${options.username}:${options.password}`).toString('base64')}`;
  const prompt = options.prompt ?? 'Completed_On_or_After';
  return startFake(({ method, path, query, headers }) => {
    if (method !== 'GET' || path !== WORKDAY_REPORT_PATH) return { status: 404, body: { error: 'no such report' } };
    if (headers.authorization !== expected) return { status: 401, body: { error: 'invalid username or password' } };
    if (query.format !== 'json') return { status: 400, body: { error: 'format=json expected' } };
    const from = query[prompt] ?? '';
    const rows = options.rows.filter((row) => {
      const date = typeof row.Completion_Date === 'string' ? row.Completion_Date.slice(0, 10) : '';
      return date === '' || date >= from;
    });
    return { status: 200, body: { Report_Entry: rows } };
  });
}

interface PersonioPeriod {
  id: number;
  attributes: { date: string; updated_at: string; employee: number } & Record<string, unknown>;
}

/**
 * Personio API v1: `POST /auth` (client id + secret → bearer token), `GET /company/attendances`
 * (start_date/end_date, updated_from, limit/offset paging with metadata.total_pages) and
 * `GET /company/employees/:id`, each with the token.
 */
export function startFakePersonio(options: { periods: PersonioPeriod[]; employees: Record<string, unknown>; clientId: string; clientSecret: string }): Promise<FakeApi> {
  const token = 'fake-personio-token';
  return startFake(({ method, path, query, headers, body }) => {
    if (method === 'POST' && path === '/v1/auth') {
      const credentials = JSON.parse(body || '{}') as { client_id?: string; client_secret?: string };
      if (credentials.client_id !== options.clientId || credentials.client_secret !== options.clientSecret) {
        return { status: 401, body: { success: false, error: { code: 401, message: 'Wrong credentials' } } };
      }
      return { status: 200, body: { success: true, data: { token, expires_in: 86_400 } } };
    }
    if (headers.authorization !== `Bearer ${token}`) return { status: 401, body: { success: false, error: { code: 401, message: 'Token is invalid' } } };
    if (method === 'GET' && path === '/v1/company/attendances') {
      const matching = options.periods.filter(
        ({ attributes: a }) =>
          a.date >= query.start_date && a.date <= query.end_date && (!query.updated_from || Date.parse(a.updated_at) >= Date.parse(query.updated_from)),
      );
      const limit = Number(query.limit ?? 200);
      const offset = Number(query.offset ?? 0);
      const data = matching.slice(offset, offset + limit).map((p) => ({ type: 'AttendancePeriod', ...p }));
      return { status: 200, body: { success: true, metadata: { total_elements: matching.length, current_page: offset / limit, total_pages: Math.max(1, Math.ceil(matching.length / limit)) }, offset, limit, data } };
    }
    const employee = /^\/v1\/company\/employees\/(\d+)$/.exec(path);
    if (method === 'GET' && employee) {
      const record = options.employees[employee[1]];
      return record ? { status: 200, body: { success: true, data: record } } : { status: 404, body: { success: false, error: { code: 404, message: 'Employee not found' } } };
    }
    return { status: 404, body: { success: false, error: { code: 404, message: `no ${method} ${path}` } } };
  });
}
