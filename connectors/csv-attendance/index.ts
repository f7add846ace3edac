import { csvRows, defineConnector, mediaTypeOf, type RejectedItem, RequestRejectedError, type SourceEvent, statements, verifyBearerSecret } from '../../src/connector-sdk';
import { type AttendanceRow, attendanceKey, readAttendanceRow, requiredColumns } from './attendance-row';
import { CsvAttendanceConfig } from './config';
import { attendanceStatement } from './csv-attendance.mapping';

const CSV_TYPES = new Set(['text/csv', 'application/csv', 'text/plain']);

/**
 * Attendance lists as CSV (`POST /hooks/<instance>`, `Content-Type: text/csv`): one event per
 * row, keyed by who + session + date, so re-uploading a file makes nothing new. A bad row is
 * reported with its line number; the rest go through.
 */
export const connector = defineConnector<CsvAttendanceConfig>({
  id: 'csv-attendance',
  name: 'CSV attendance upload',
  description: 'Attendance or training lists uploaded as CSV, with a configurable column mapping.',
  configSchema: CsvAttendanceConfig,

  /**
   * The optional shared token of an upload: `Authorization: Bearer <token>` or `X-Hub-Token: <token>`
   * against every active secret. No secrets configured: no check.
   */
  verify(request, { secrets }) {
    if (secrets.length === 0) return { ok: true };
    return verifyBearerSecret(request, secrets, {
      headers: ['x-hub-token'],
      missing: 'missing upload token: send "Authorization: Bearer <token>" or "X-Hub-Token: <token>"',
      mismatch: 'the upload token does not match',
    });
  },

  split(request, { config }) {
    const type = mediaTypeOf(request);
    if (!CSV_TYPES.has(type)) throw new RequestRejectedError(415, `the body must be CSV (Content-Type: text/csv), not ${type || 'none'}`);
    if (request.rawBody.length === 0) throw new RequestRejectedError(400, 'the file is empty; a header row and one row per attendance were expected');
    const rows = csvRows(request.rawBody, config.delimiter);
    // A header with no rows is an empty list: nothing to take, nothing lost.
    if (rows.length === 0) return { events: [], rejected: [] };
    const header = Object.keys(rows[0].values);
    const missing = requiredColumns(config).filter((column) => !header.includes(column));
    if (missing.length > 0) {
      throw new RequestRejectedError(422, `the header row lacks the column${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`, [
        `found: ${header.join(', ') || '(nothing)'}`,
        'set config.columns to the file\'s header names, or rename the columns',
      ]);
    }
    const events: SourceEvent[] = [];
    const rejected: RejectedItem[] = [];
    const firstLineOf = new Map<string, number>();
    for (const row of rows) {
      const reading = readAttendanceRow(row, config);
      if (!reading.ok) {
        rejected.push({ at: `line ${row.line}`, reason: reading.reason });
        continue;
      }
      const key = attendanceKey(reading.row);
      const earlier = firstLineOf.get(key);
      if (earlier !== undefined) {
        rejected.push({ at: `line ${row.line}`, reason: `repeats line ${earlier} (same person, session and date)` });
        continue;
      }
      firstLineOf.set(key, row.line);
      events.push({ key, body: reading.row });
    }
    return { events, rejected };
  },

  map(event, { config }) {
    return statements([attendanceStatement(event.body as AttendanceRow, config)]);
  },
});

