import { defineConnector, ignored, RequestRejectedError, verifyBearerSecret } from '../../src/connector-sdk';
import { PersonioConfig } from './config';
import { isAttendanceBody, mapAttendance } from './personio.mapping';
import { pullAttendances } from './pull.task';
import { trainingRuleProblem } from './training-rule';

/**
 * Training attendance from Personio, pulled on a schedule (task `pull`) through the API v1 with
 * a cursor on `updated_at`. Nothing is posted by Personio: the hook answers only to say so.
 */
export const connector = defineConnector<PersonioConfig>({
  id: 'personio',
  name: 'Personio attendances',
  description: 'Training attendance from Personio attendance periods (training projects or comment keywords): attended, with the time spent.',
  configSchema: PersonioConfig,

  checkConfig(config) {
    const problem = trainingRuleProblem(config);
    return problem ? [{ path: 'trainingProjectIds', reason: problem }] : [];
  },

  verify(request, { secrets }) {
    if (secrets.length === 0) return { ok: false, reason: 'this instance pulls from Personio and has no secret, so it takes no posts' };
    return verifyBearerSecret(request, secrets);
  },

  split() {
    // A posted attendance list would lack the employee records the pull reads with it, so only the pull takes attendance in.
    throw new RequestRejectedError(415, 'this Personio instance is pull-only: the hub reads attendances from the Personio API every pollMinutes; nothing is taken in at the hook');
  },

  map(event, context) {
    if (!isAttendanceBody(event.body)) return ignored('not a Personio attendance period');
    return mapAttendance(event.body, event.key, context);
  },

  tasks: {
    /** Reads attendance periods changed since the cursor; each version of a period is one event. */
    pull: { everyMs: (config) => config.pollMinutes * 60_000, run: pullAttendances },
  },
});
