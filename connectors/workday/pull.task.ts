import { type ConnectorContext, type SourceEvent, SourceAuthError, sourceAuthStatus } from '../../src/connector-sdk';
import { dateInZone } from '../../src/connector-sdk/helpers/time-zones';
import type { WorkdayConfig } from './config';
import { reportEntries, reportEvents } from './workday.mapping';

/** Instance state key: the date (YYYY-MM-DD, instance zone) the next pull asks for completions on or after. */
export const CURSOR_KEY = 'completedOnOrAfter';

/** Workday answered, but not with the report (a wrong report URL, a server error, another format). Carries the status. */
export class WorkdayReportError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

const DAY_MS = 86_400_000;

/** The calendar date `days` before `date` (both YYYY-MM-DD). */
function daysBefore(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) - days * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Where this pull starts: the saved cursor, or `initialLookbackDays` before today on the first
 * pull. After a pull the cursor moves to `overlapDays` before today (never backwards), so a
 * completion entered a little late is still read, and the rows read twice keep their keys.
 */
export function pullWindow(saved: string | undefined, now: Date, config: WorkdayConfig): { from: string; next: string } {
  const today = dateInZone(now, config.timeZone);
  const from = saved ?? daysBefore(today, config.initialLookbackDays);
  const overlapped = daysBefore(today, config.overlapDays);
  return { from, next: overlapped > from ? overlapped : from };
}

function explain(status: number, url: string): string {
  if (status === 401) return `Workday refused the integration user (401) for ${url}: check username and password (and that the password has not expired)`;
  if (status === 403) return `Workday answered 403 for ${url}: the integration user's security group needs View access to the report's data sources and to the report itself (share the report with the user)`;
  if (status === 404) return `Workday answered 404 for ${url}: check reportUrl (the report owner and name) and that the report is web-service enabled`;
  return `Workday answered ${status} for ${url}`;
}

/**
 * Runs the report for completions on or after the cursor and returns one event per row. The
 * cursor moves only after the whole answer is read: a failure leaves it where it was, and the
 * next run asks again.
 */
export async function pullReport(context: ConnectorContext<WorkdayConfig>): Promise<SourceEvent[]> {
  const { config, http, state, now } = context;
  const window = pullWindow(await state.get<string>(CURSOR_KEY), now, config);
  const answer = await http.request({
    url: config.reportUrl,
    params: { format: 'json', [config.completedOnOrAfterPrompt]: window.from },
    headers: { accept: 'application/json', authorization: `Basic ${Buffer.from(`${config.username}:${config.password}`, 'utf8').toString('base64')}` },
  });
  const refused = sourceAuthStatus(answer.status);
  // Credentials or permissions: the host stops the task until an admin acts, rather than retrying.
  if (refused) throw new SourceAuthError(explain(refused, config.reportUrl), refused);
  if (answer.status !== 200) throw new WorkdayReportError(explain(answer.status, config.reportUrl), answer.status);
  const rows = reportEntries(answer.data);
  if (!rows) throw new WorkdayReportError(`Workday did not answer with a JSON report ({ "Report_Entry": [...] }) from ${config.reportUrl}`, answer.status);
  const events = reportEvents(rows, config);
  await state.set(CURSOR_KEY, window.next);
  context.log('info', 'workday report pulled', { from: window.from, rows: rows.length, next: window.next });
  return events;
}
