import {
  activityIdFrom,
  ADL_ACTIVITY_TYPES,
  ADL_VERBS,
  ignored,
  isEmail,
  isoDurationFromSeconds,
  MappingError,
  type MappingOutcome,
  mboxOf,
  type PersonHint,
  personHint,
  statementIdFor,
  statements,
} from '../../src/connector-sdk';
import type { Actor, Context, Statement } from '../../src/xapi/statement';
import { utcInstantOf } from '../../src/connector-sdk/helpers/time-zones';
import { type FieldName, fieldOf } from './bamboohr.fields';
import type { BambooHrStored, EmployeeEntry } from './bamboohr.payloads';
import type { BambooHrConfig } from './config';

const PERSON_ATTRIBUTES = ['employeeNumber', 'department', 'division', 'location', 'jobTitle', 'supervisor', 'supervisorEmail'] as const;

export function companyUrl(config: BambooHrConfig): string {
  return `https://${config.companyDomain}.bamboohr.com`;
}

/**
 * One employee entry → a training statement and/or what it says about the person. An entry
 * with no training in it is ignored with the person's details as a hint for the identity
 * directory. Pure: the instance id only seeds the training statement's own id.
 */
export function mapBambooHrEvent(body: BambooHrStored, config: BambooHrConfig, instanceId: string): MappingOutcome {
  if (body.kind === 'notice') {
    return ignored(`Event-Based webhook (${body.type}) carries ids only, no field values; set the webhook's data structure to Field-Based (README)`);
  }
  if (body.action === 'Deleted') return ignored('employee record deleted in BambooHR: nothing to record');
  const field = (name: FieldName) => fieldOf(body.fields ?? {}, name, config.fieldNames);
  const people = peopleOf(body, config, field);
  const training = trainingStatement(body, config, instanceId, field);
  if (training) return statements([training], people);
  return ignored(people ? 'employee record without training: person details go to the identity directory' : 'employee entry with no field this connector reads', people);
}

function trainingStatement(entry: EmployeeEntry, config: BambooHrConfig, instanceId: string, field: (name: FieldName) => string | undefined) {
  const typeId = field('trainingTypeId');
  const name = field('trainingName');
  const completed = field('trainingCompleted');
  if (!typeId && !name && !completed) return undefined;
  const problems = [
    ...(typeId ? [] : ['the training type id (field trainingTypeId) is missing: without it the training has no stable activity id']),
    ...(completed ? [] : ['the completion date (field trainingCompleted) is missing']),
  ];
  const timestamp = completed ? utcInstantOf(completed, config.timeZone) : undefined;
  if (completed && !timestamp) problems.push(`the completion date "${completed}" is not a date (YYYY-MM-DD or ISO 8601)`);
  const duration = hoursAsDuration(field('trainingHours'), problems);
  if (problems.length > 0 || !typeId || !timestamp) throw new MappingError(`training record of employee ${entry.id} cannot be mapped: ${problems.join('; ')}`);

  const category = field('trainingCategory');
  const attended = category !== undefined && config.attendedCategories.some((c) => c.toLowerCase() === category.toLowerCase());
  const verb = attended ? 'attended' : 'completed';
  const instructor = instructorOf(field('trainingInstructor'), field('trainingInstructorEmail'));
  const context: Context = { platform: 'BambooHR', ...(instructor ? { instructor } : {}) };
  const result = {
    ...(attended ? {} : { completion: true }),
    ...(duration ? { duration } : {}),
  };
  const statement: Statement = {
    // The same training record is posted again whenever another posted field changes: an id
    // from the record itself (not the webhook delivery) makes every repost the same statement.
    id: statementIdFor(instanceId, `training:${entry.id}:${field('trainingRecordId') ?? `${typeId}@${completed}`}`, verb),
    actor: actorOf(entry, config, field),
    verb: ADL_VERBS[verb],
    object: {
      objectType: 'Activity',
      id: activityIdFrom(companyUrl(config), 'training-types', typeId),
      definition: {
        type: attended ? ADL_ACTIVITY_TYPES.meeting : ADL_ACTIVITY_TYPES.course,
        ...(name ? { name: { 'en-US': name } } : {}),
      },
    },
    ...(Object.keys(result).length > 0 ? { result } : {}),
    context,
    timestamp,
  };
  return { subKey: verb, statement };
}

function hoursAsDuration(hours: string | undefined, problems: string[]): string | undefined {
  if (hours === undefined) return undefined;
  const value = Number(hours);
  if (!Number.isFinite(value) || value < 0) {
    problems.push(`the training hours "${hours}" are not a number`);
    return undefined;
  }
  // 0 hours is "not recorded" in BambooHR's form, not a zero-length training.
  return value > 0 ? isoDurationFromSeconds(value * 3600) : undefined;
}

function instructorOf(name: string | undefined, email: string | undefined): Actor | undefined {
  if (!isEmail(email)) return undefined;
  return { objectType: 'Agent', ...(name ? { name } : {}), mbox: mboxOf(email) };
}

function actorOf(entry: EmployeeEntry, config: BambooHrConfig, field: (name: FieldName) => string | undefined): Actor {
  const name = personName(field);
  return { objectType: 'Agent', ...(name ? { name } : {}), account: { homePage: companyUrl(config), name: String(entry.id) } };
}

function personName(field: (name: FieldName) => string | undefined): string | undefined {
  const first = field('preferredName') ?? field('firstName');
  const last = field('lastName');
  return first || last ? [first, last].filter(Boolean).join(' ') : field('displayName');
}

/** The employee record as the identity directory needs it: BambooHR id ↔ work e-mail, with reporting attributes. */
function peopleOf(entry: EmployeeEntry, config: BambooHrConfig, field: (name: FieldName) => string | undefined): PersonHint[] | undefined {
  const email = field('workEmail');
  const name = personName(field);
  const attributes = Object.fromEntries(PERSON_ATTRIBUTES.flatMap((key) => (field(key) ? [[key, field(key) as string]] : [])));
  if (!isEmail(email) && !name && Object.keys(attributes).length === 0) return undefined;
  return [personHint({ homePage: companyUrl(config), id: String(entry.id), email: isEmail(email) ? email : undefined, name, attributes: { employeeId: String(entry.id), ...attributes } })];
}
