import { activityIdFrom, ADL_ACTIVITY_TYPES, ADL_VERBS, type KeyedStatement, mboxOf } from '../../src/connector-sdk';
import type { JsonObject, Statement } from '../../src/xapi/statement';
import type { AttendanceRow } from './attendance-row';
import type { CsvAttendanceConfig } from './config';

/** One checked row → its statement: the learner by e-mail, the session by its id, the coach only with an e-mail. */
export function attendanceStatement(row: AttendanceRow, config: CsvAttendanceConfig): KeyedStatement {
  const result: JsonObject = { ...(row.score ? { score: row.score } : {}), ...(row.duration ? { duration: row.duration } : {}) };
  const statement: Statement = {
    actor: { objectType: 'Agent', ...(row.name ? { name: row.name } : {}), mbox: mboxOf(row.email) },
    verb: ADL_VERBS[config.verb],
    object: {
      objectType: 'Activity',
      id: activityIdFrom(config.activityBaseUrl, row.sessionId),
      definition: { type: ADL_ACTIVITY_TYPES.meeting, ...(row.sessionTitle ? { name: { 'en-US': row.sessionTitle } } : {}) },
    },
    ...(Object.keys(result).length > 0 ? { result } : {}),
    context: {
      platform: config.platform,
      ...(row.coachEmail ? { instructor: { objectType: 'Agent', ...(row.coachName ? { name: row.coachName } : {}), mbox: mboxOf(row.coachEmail) } } : {}),
    },
    timestamp: row.at,
  };
  return { subKey: config.verb, statement };
}
