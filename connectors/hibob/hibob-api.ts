import { type ConnectorContext, type HttpResponse, MappingError, withoutTrailingSlash } from '../../src/connector-sdk';
import type { HiBobConfig } from './config';
import type { BobEmployee, BobTableRow } from './hibob.payloads';

const EMPLOYEE_CACHE_MS = 24 * 3_600_000;

/** Bob answered, but not with data: a refusal to fix in config (permanent) or a moment to wait (retry). */
function checkAnswer(response: HttpResponse, what: string): void {
  if (response.status === 401 || response.status === 403) {
    throw new MappingError(
      `Bob refused the service user reading ${what} (${response.status}): check serviceUserId/serviceUserToken and that its permission group can view the custom table's category and the employee`,
    );
  }
  // 429 and 5xx are passing: throwing a plain error lets the host retry with backoff.
  if (response.status === 429 || response.status >= 500) throw new Error(`Bob answered ${response.status} reading ${what}; will retry`);
}

function basicAuth(config: HiBobConfig): Record<string, string> {
  return { authorization: `Basic ${Buffer.from(`${config.serviceUserId}:${config.serviceUserToken}`, 'utf8').toString('base64')}`, accept: 'application/json' };
}

const base = (config: HiBobConfig) => withoutTrailingSlash(config.apiBaseUrl);

/**
 * The custom table row the webhook names (GET /people/custom-tables/{employeeId}/{customTableId}),
 * with Bob's human-readable values beside the stored ones; undefined when the row or the
 * employee is gone (deleted since the event).
 */
export async function fetchTableRow(employeeId: string, rowId: string, context: ConnectorContext<HiBobConfig>): Promise<BobTableRow | undefined> {
  const { config, http } = context;
  const response = await http.request<{ values?: BobTableRow[] } | BobTableRow[]>({
    method: 'GET',
    url: `${base(config)}/people/custom-tables/${encodeURIComponent(employeeId)}/${encodeURIComponent(config.customTableId)}`,
    params: { includeHumanReadable: true },
    headers: basicAuth(config),
  });
  if (response.status === 404) return undefined;
  checkAnswer(response, `custom table ${config.customTableId} of employee ${employeeId}`);
  const rows = Array.isArray(response.data) ? response.data : (response.data?.values ?? []);
  return rows.find((row) => String(row.id) === rowId);
}

/** The employee's work e-mail, name and work details (POST /people/search), cached in state for a day. */
export async function lookUpEmployee(employeeId: string, context: ConnectorContext<HiBobConfig>): Promise<BobEmployee | undefined> {
  const { config, http, state, now } = context;
  if (!config.lookUpEmployee) return undefined;
  const key = `bob-employee:${employeeId}`;
  const cached = await state.get<BobEmployee & { expiresAt: string }>(key);
  if (cached && Date.parse(cached.expiresAt) > now.getTime()) return cached;

  const response = await http.request<{ employees?: SearchedEmployee[] }>({
    method: 'POST',
    url: `${base(config)}/people/search`,
    headers: basicAuth(config),
    data: {
      fields: ['root.id', 'root.email', 'root.displayName', 'work.department', 'work.site', 'work.title'],
      filters: [{ fieldPath: 'root.id', operator: 'equals', values: [employeeId] }],
      humanReadable: 'REPLACE',
    },
  });
  checkAnswer(response, `employee ${employeeId}`);
  const found = response.status === 200 ? response.data?.employees?.find((e) => String(e.id) === employeeId) : undefined;
  const employee: BobEmployee = found
    ? {
        ...(found.email ? { email: found.email } : {}),
        ...(found.displayName ? { displayName: found.displayName } : {}),
        ...(found.work?.department ? { department: found.work.department } : {}),
        ...(found.work?.site ? { site: found.work.site } : {}),
        ...(found.work?.title ? { title: found.work.title } : {}),
      }
    : {};
  await state.set(key, { ...employee, expiresAt: new Date(now.getTime() + EMPLOYEE_CACHE_MS).toISOString() });
  return employee;
}

interface SearchedEmployee {
  id: string | number;
  email?: string;
  displayName?: string;
  work?: { department?: string; site?: string; title?: string };
}
