import {
  activityIdFrom,
  ADL_ACTIVITY_TYPES,
  ADL_VERBS,
  isEmail,
  isoDurationFromSeconds,
  MappingError,
  mboxOf,
  type PersonHint,
  personHint,
  scoreFrom,
} from '../../src/connector-sdk';
import type { Actor, JsonObject, Statement } from '../../src/xapi/statement';
import { utcInstantOf } from '../../src/connector-sdk/helpers/time-zones';
import type { HiBobConfig } from './config';
import type { BobEmployee, BobTableRow } from './hibob.payloads';

export const BOB_HOME = 'https://app.hibob.com';

export type RowMapping = { kind: 'ignored'; reason: string } | { kind: 'statement'; verb: 'completed' | 'attended'; statement: Statement };

/**
 * One custom table row → its training statement, or why it is not one. Pure: the row and the
 * employee were read from Bob's API beforehand.
 */
export function mapTrainingRow(row: BobTableRow, employeeId: string, companyId: string, employee: BobEmployee | undefined, config: HiBobConfig): RowMapping {
  const { columns } = config;
  const raw = (column: string | undefined) => (column ? textOf(row[column]) : undefined);
  const readable = (column: string | undefined) => (column ? (textOf(row.humanReadable?.[column]) ?? raw(column)) : undefined);

  const verb = verbOf(readable(columns.status), config);
  if (typeof verb !== 'string') return verb;
  const trainingId = raw(columns.training);
  const date = raw(columns.date);
  const problems: string[] = [];
  if (!trainingId) problems.push(`the training column ${columns.training} is empty`);
  const timestamp = date ? utcInstantOf(date, config.timeZone) : undefined;
  if (!date) problems.push(`the date column ${columns.date} is empty`);
  else if (!timestamp) problems.push(`the date "${date}" in ${columns.date} is not a date`);
  const duration = durationOf(raw(columns.duration), config, problems);
  const score = scoreOf(raw(columns.score), config, problems);
  if (problems.length > 0 || !trainingId || !timestamp) throw new MappingError(`row ${row.id} of custom table ${config.customTableId} cannot be mapped: ${problems.join('; ')}`);

  // A list column stores the item's id; Bob's human-readable value is its name.
  const title = columns.title ? readable(columns.title) : readable(columns.training) !== trainingId ? readable(columns.training) : undefined;
  const instructorEmail = raw(columns.instructorEmail);
  const result: JsonObject = {
    ...(verb === 'completed' ? { completion: true } : {}),
    ...(score ? { score } : {}),
    ...(duration ? { duration } : {}),
  };
  const statement: Statement = {
    actor: actorOf(employeeId, employee),
    verb: ADL_VERBS[verb],
    object: {
      objectType: 'Activity',
      id: config.activityBaseUrl ? activityIdFrom(config.activityBaseUrl, trainingId) : activityIdFrom(BOB_HOME, 'company', companyId, 'training', trainingId),
      definition: { type: verb === 'attended' ? ADL_ACTIVITY_TYPES.meeting : ADL_ACTIVITY_TYPES.course, ...(title ? { name: { 'en-US': title } } : {}) },
    },
    ...(Object.keys(result).length > 0 ? { result } : {}),
    context: { platform: 'HiBob', ...(isEmail(instructorEmail) ? { instructor: { objectType: 'Agent', mbox: mboxOf(instructorEmail) } } : {}) },
    timestamp,
  };
  return { kind: 'statement', verb, statement };
}

/** The Bob employee id ↔ work e-mail, with work details, for the identity directory. */
export function bobPeople(employeeId: string, employee: BobEmployee | undefined): PersonHint[] | undefined {
  if (!employee?.email || !isEmail(employee.email)) return undefined;
  const attributes = Object.fromEntries(
    (['department', 'site', 'title'] as const).flatMap((key) => (employee[key] ? [[key === 'site' ? 'location' : key === 'title' ? 'jobTitle' : key, employee[key] as string]] : [])),
  );
  return [personHint({ homePage: BOB_HOME, id: employeeId, email: employee.email, name: employee.displayName, attributes: { employeeId, ...attributes } })];
}

function actorOf(employeeId: string, employee: BobEmployee | undefined): Actor {
  return { objectType: 'Agent', ...(employee?.displayName ? { name: employee.displayName } : {}), account: { homePage: BOB_HOME, name: employeeId } };
}

function verbOf(status: string | undefined, config: HiBobConfig): 'completed' | 'attended' | { kind: 'ignored'; reason: string } {
  if (!config.columns.status) return config.verb;
  const is = (list: string[]) => status !== undefined && list.some((value) => value.toLowerCase() === status.toLowerCase());
  if (is(config.attendedStatuses)) return 'attended';
  if (is(config.completedStatuses)) return 'completed';
  return { kind: 'ignored', reason: `status "${status ?? '(empty)'}" is neither completed (${config.completedStatuses.join(', ')}) nor attended (${config.attendedStatuses.join(', ')})` };
}

function durationOf(text: string | undefined, config: HiBobConfig, problems: string[]): string | undefined {
  if (text === undefined) return undefined;
  const value = Number(text);
  if (!Number.isFinite(value) || value < 0) {
    problems.push(`the duration "${text}" is not a number of ${config.durationUnit}`);
    return undefined;
  }
  return value > 0 ? isoDurationFromSeconds(value * (config.durationUnit === 'hours' ? 3600 : 60)) : undefined;
}

function scoreOf(text: string | undefined, config: HiBobConfig, problems: string[]) {
  if (text === undefined) return undefined;
  const score = scoreFrom({ raw: Number(text), min: config.scoreMin, max: config.scoreMax });
  if (!score) problems.push(`the score "${text}" is not a number within ${config.scoreMin}–${config.scoreMax}`);
  return score;
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  return undefined;
}
