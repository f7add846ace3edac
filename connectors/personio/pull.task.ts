import { createHash } from 'node:crypto';
import type { ConnectorContext, SourceEvent } from '../../src/connector-sdk';
import { dateInZone } from '../../src/connector-sdk/helpers/time-zones';
import type { PersonioConfig } from './config';
import { employee } from './employees';
import { PersonioApiError, personioGet } from './personio-api';
import type { AttendanceBody } from './personio.mapping';
import { type AttendancePeriod, isAttendancePeriod, trainingMatch } from './training-rule';

/** Instance state key: the latest `updated_at` read so far, sent as `updated_from` on the next pull. */
export const CURSOR_KEY = 'updatedFrom';

/** A runaway paging loop (a total_pages that never ends) stops here with an error instead of spinning. */
const MAX_PAGES = 500;

interface AttendancesPage {
  success?: boolean;
  metadata?: { total_pages?: number; current_page?: number; total_elements?: number };
  data?: unknown;
}

/** The calendar date `days` before `date` (both YYYY-MM-DD). */
function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * What one pull asks for. The first reads attendance dated from `initialLookbackDays` ago; later
 * ones read what changed since the cursor (`updated_from`, inclusive) among attendance dated up
 * to `windowDays` back. Dates are the company's (`timeZone`).
 */
export function pullQuery(cursor: string | undefined, now: Date, config: PersonioConfig): { start_date: string; end_date: string; updated_from?: string } {
  const today = dateInZone(now, config.timeZone);
  if (cursor === undefined) return { start_date: daysBefore(today, config.initialLookbackDays), end_date: today };
  return { start_date: daysBefore(today, config.windowDays), end_date: today, updated_from: cursor };
}

/**
 * The event key: the period's id and the version Personio holds (`updated_at`). Reading the
 * same version again (the inclusive cursor, a re-run) gives the same key; an edited or newly
 * approved period is a new version, which the mapping reports in place of the earlier one.
 */
export function attendanceKey(period: AttendancePeriod): string {
  const version = period.attributes.updated_at ?? createHash('sha256').update(JSON.stringify(period.attributes)).digest('hex').slice(0, 16);
  return `attendance:${period.id}:${version}`;
}

/** The later of two `updated_at` values (they carry offsets, so compare instants). */
function later(a: string | undefined, b: string | null | undefined): string | undefined {
  if (!b || Number.isNaN(Date.parse(b))) return a;
  if (!a) return b;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

/** Every attendance period the query matches, page by page (`offset` counts records). */
async function allPeriods(context: ConnectorContext<PersonioConfig>, query: ReturnType<typeof pullQuery>): Promise<AttendancePeriod[]> {
  const periods: AttendancePeriod[] = [];
  const limit = context.config.pageSize;
  for (let page = 0; page < MAX_PAGES; page++) {
    const answer = await personioGet<AttendancesPage>(context, '/company/attendances', { ...query, limit, offset: page * limit });
    const data = answer.data?.data;
    if (answer.status !== 200 || !Array.isArray(data)) throw new PersonioApiError(`Personio answered ${answer.status} without attendance periods for GET /company/attendances (page ${page})`, answer.status);
    periods.push(...data.filter(isAttendancePeriod));
    const totalPages = answer.data?.metadata?.total_pages ?? 1;
    if (page + 1 >= totalPages || data.length === 0) return periods;
  }
  throw new PersonioApiError(`Personio listed more than ${MAX_PAGES} pages of attendance; raise pageSize or lower windowDays`, 200);
}

/**
 * Reads the attendance periods changed since the cursor, looks up the employee of each training
 * period (cached), and returns one event per period. The cursor moves only after every page and
 * employee was read: a failure (401, a page missing) leaves it, and the next run reads again.
 */
export async function pullAttendances(context: ConnectorContext<PersonioConfig>): Promise<SourceEvent[]> {
  const { config, state, now } = context;
  const cursor = await state.get<string>(CURSOR_KEY);
  const query = pullQuery(cursor, now, config);
  const periods = await allPeriods(context, query);
  const events: SourceEvent[] = [];
  let next = cursor;
  for (const period of periods) {
    const facts = trainingMatch(period.attributes, config) ? await employee(context, String(period.attributes.employee)) : undefined;
    events.push({ key: attendanceKey(period), body: { attendance: period, ...(facts ? { employee: facts } : {}) } satisfies AttendanceBody });
    next = later(next, period.attributes.updated_at);
  }
  if (next !== undefined && next !== cursor) await state.set(CURSOR_KEY, next);
  context.log('info', 'personio attendances pulled', { ...query, periods: periods.length, next });
  return events;
}
