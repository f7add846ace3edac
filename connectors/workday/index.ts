import { defineConnector, ignored, jsonBody, RequestRejectedError, verifyBearerSecret } from '../../src/connector-sdk';
import { WorkdayConfig } from './config';
import { pullReport } from './pull.task';
import { isReportRowBody, mapReportRow, reportEntries, reportEvents } from './workday.mapping';

/**
 * Workday learning completions from a Report-as-a-Service custom report, pulled on a schedule
 * (task `pull`) with a cursor. An admin may also post a saved copy of the report's JSON to the
 * hook with the instance's token: the rows are taken in the same way, with the same keys.
 */
export const connector = defineConnector<WorkdayConfig>({
  id: 'workday',
  name: 'Workday Learning (RaaS report)',
  description: 'Learning completions from a Workday custom report (RaaS, JSON): completed, or attended for instructor-led content.',
  configSchema: WorkdayConfig,

  verify(request, { secrets }) {
    if (secrets.length === 0) return { ok: false, reason: 'this instance pulls its report and has no secret, so it takes no posted reports' };
    return verifyBearerSecret(request, secrets);
  },

  split(request, { config }) {
    const rows = reportEntries(jsonBody(request));
    if (!rows) throw new RequestRejectedError(400, 'the body must be a Workday RaaS JSON report: { "Report_Entry": [ … ] }');
    return reportEvents(rows, config);
  },

  map(event, { config }) {
    if (!isReportRowBody(event.body)) return ignored('not a Workday report row');
    return mapReportRow(event.body.row, config);
  },

  tasks: {
    /** Runs the report for completions since the cursor; every row is an event (a re-read row is a duplicate). */
    pull: { everyMs: (config) => config.pollMinutes * 60_000, run: pullReport },
  },
});
