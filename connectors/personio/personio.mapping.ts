import {
  activityIdFrom,
  ADL_ACTIVITY_TYPES,
  ADL_VERBS,
  type ConnectorContext,
  ignored,
  isEmail,
  isoDurationFromSeconds,
  type KeyedStatement,
  MappingError,
  type MappingOutcome,
  type PersonHint,
  personHint,
  statements,
  voidingStatement,
} from '../../src/connector-sdk';
import { localToUtc } from '../../src/connector-sdk/helpers/time-zones';
import type { Actor, Statement } from '../../src/xapi/statement';
import type { PersonioConfig } from './config';
import type { EmployeeFacts } from './employees';
import { type AttendanceAttributes, type AttendancePeriod, isAttendancePeriod, trainingMatch } from './training-rule';

export const PLATFORM = 'Personio';

/** One attendance period as the inbox keeps it, with its employee when it is training. */
export interface AttendanceBody {
  attendance: AttendancePeriod;
  employee?: EmployeeFacts;
}

export function isAttendanceBody(body: unknown): body is AttendanceBody {
  return typeof body === 'object' && body !== null && isAttendancePeriod((body as AttendanceBody).attendance);
}

/** Instance state: which version of a period was reported, so an edit replaces it (void + new). */
export const reportedKey = (attendanceId: string) => `reported:${attendanceId}`;

interface Reported {
  eventKey: string;
  subKey: string;
  /** The reported version's updated_at (ISO 8601), or absent. */
  updatedAt?: string;
}

const TIME = /^(\d{2}):(\d{2})$/;

function minutesOf(time: string, field: string): number {
  const match = TIME.exec(time);
  if (!match) throw new MappingError(`${field} "${time}" is not a time (hh:mm)`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/**
 * Seconds spent: end − start − break. Without a start or end there is no duration (a pending
 * period has no end yet); a period of no time at all has none either (never PT0S).
 */
export function attendanceSeconds(a: AttendanceAttributes): number | undefined {
  if (!a.start_time || !a.end_time) return undefined;
  const minutes = minutesOf(a.end_time, 'end_time') - minutesOf(a.start_time, 'start_time') - (a.break ?? 0);
  if (minutes < 0) throw new MappingError(`the period ends (${a.end_time}) before it starts (${a.start_time}) plus its ${a.break ?? 0}-minute break`);
  return minutes === 0 ? undefined : minutes * 60;
}

/** When it happened: the date at its end time (else its start, else the start of the day) in the company's zone. */
export function attendanceTimestamp(a: AttendanceAttributes, zone: string): string {
  const time = a.end_time ?? a.start_time ?? '00:00';
  minutesOf(time, a.end_time ? 'end_time' : 'start_time'); // a malformed time is refused with the field named
  try {
    return localToUtc(`${a.date}T${time}:00`, zone).toISOString();
  } catch {
    throw new MappingError(`date "${a.date}" is not a date (YYYY-MM-DD)`);
  }
}

export function actorOf(employeeId: string, facts: EmployeeFacts | undefined, config: PersonioConfig): Actor {
  return { objectType: 'Agent', account: { homePage: config.companyUrl, name: employeeId }, ...(facts?.name ? { name: facts.name } : {}) };
}

export function personOf(employeeId: string, facts: EmployeeFacts | undefined, config: PersonioConfig): PersonHint[] | undefined {
  if (!facts) return undefined;
  const attributes = Object.fromEntries(
    (['department', 'office', 'position'] as const).filter((name) => facts[name] !== undefined).map((name) => [name, facts[name] as string]),
  );
  return [personHint({ homePage: config.companyUrl, id: employeeId, email: isEmail(facts.email) ? facts.email : undefined, name: facts.name, attributes })];
}

/** The training as an activity: its project when it has one, else this period (named by its comment). */
function activityOf(period: AttendancePeriod, config: PersonioConfig): Statement['object'] {
  const { project, comment } = period.attributes;
  const name = project ? project.attributes?.name : comment ?? undefined;
  return {
    objectType: 'Activity',
    id: project ? activityIdFrom(config.companyUrl, 'attendance-projects', project.id) : activityIdFrom(config.companyUrl, 'attendance-periods', period.id),
    definition: { type: ADL_ACTIVITY_TYPES.meeting, ...(name?.trim() ? { name: { und: name.trim() } } : {}) },
  };
}

function isOlder(version: string | null | undefined, than: string | undefined): boolean {
  return !!version && !!than && Date.parse(version) < Date.parse(than);
}

/**
 * A confirmed training period → `attended` with the project (or the period) as the activity.
 * Work time, pending and rejected periods are ignored with the reason. A newer version of a
 * period reported earlier voids what was sent and, if it is still training, sends it anew; an
 * older version arriving late changes nothing.
 */
export async function mapAttendance(body: AttendanceBody, eventKey: string, context: ConnectorContext<PersonioConfig>): Promise<MappingOutcome> {
  const { config, state } = context;
  const { attendance, employee } = body;
  const a = attendance.attributes;
  const id = String(attendance.id);
  const employeeId = String(a.employee);
  const people = personOf(employeeId, employee, config);
  const previous = await state.get<Reported>(reportedKey(id));
  if (previous && previous.eventKey !== eventKey && isOlder(a.updated_at, previous.updatedAt)) {
    return ignored(`an older version (updated ${a.updated_at}) of attendance ${id} than the one reported (updated ${previous.updatedAt})`, people);
  }
  const actor = actorOf(employeeId, employee, config);
  const voided: KeyedStatement[] =
    previous && previous.eventKey !== eventKey ? [voidingStatement(context.instanceId, previous, actor, a.updated_at ? new Date(a.updated_at).toISOString() : context.now.toISOString())] : [];

  const match = trainingMatch(a, config);
  const status = a.status ?? 'confirmed';
  const skip = !match ? 'not training: no training project and no training keyword in the comment' : status !== 'confirmed' ? `attendance is ${status}, not confirmed` : undefined;
  if (skip) {
    if (voided.length === 0) return ignored(skip, people);
    await state.delete(reportedKey(id));
    return statements(voided, people);
  }

  const seconds = attendanceSeconds(a);
  const subKey = `attended:${employeeId}`;
  const statement: Statement = {
    actor,
    verb: ADL_VERBS.attended,
    object: activityOf(attendance, config),
    ...(seconds !== undefined ? { result: { duration: isoDurationFromSeconds(seconds) } } : {}),
    context: { platform: PLATFORM },
    timestamp: attendanceTimestamp(a, config.timeZone),
  };
  await state.set(reportedKey(id), { eventKey, subKey, ...(a.updated_at ? { updatedAt: a.updated_at } : {}) } satisfies Reported);
  return statements([...voided, { subKey, statement }], people);
}
