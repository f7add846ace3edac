import {
  ADL_ACTIVITY_TYPES,
  ADL_VERBS,
  type Identity,
  ignored,
  isEmail,
  isoDurationFromSeconds,
  MappingError,
  type MappingOutcome,
  mboxOf,
  type PersonHint,
  statements,
  utcTimestampOf,
  withoutTrailingSlash,
} from '../../src/connector-sdk';
import type { Activity, Actor, JsonObject, Statement, Verb } from '../../src/xapi/statement';
import type { CoassembleEvent } from './coassemble.event';

const PLATFORM = 'Coassemble';

export interface CoassembleUrls {
  baseUrl: string;
  learnerHomePage: string;
}

export function mapCoassembleEvent(event: CoassembleEvent, urls: CoassembleUrls): MappingOutcome {
  switch (event.type) {
    case 'course.completed':
      return mapTracking(event, urls, ADL_VERBS.completed, 'completion', event.tracking.completed);
    case 'course.commenced':
      return mapTracking(event, urls, ADL_VERBS.attempted, 'commenced', event.tracking.commenced);
    default:
      return ignored(`${event.type} is not an event this connector maps (course.completed, course.commenced)`);
  }
}

/**
 * course.completed → completed with completion and the tracked time; course.commenced →
 * attempted. Both at the tracking record's own time, else the event's occurredAt.
 */
function mapTracking(event: CoassembleEvent, urls: CoassembleUrls, verb: Verb, subKey: string, at: unknown): MappingOutcome {
  const { tracking, course } = event;
  const identifier = textOf(tracking.identifier);
  const email = typeof tracking.email === 'string' && isEmail(tracking.email) ? tracking.email : undefined;
  if (!identifier && !email) throw new MappingError(`${event.type} has neither tracking.identifier nor tracking.email: the learner is unknown`);
  const courseId = textOf(course.id);
  if (!courseId) throw new MappingError(`${event.type} has no data.course.id`);

  const account = identifier ? { homePage: withoutTrailingSlash(urls.learnerHomePage), name: identifier } : undefined;
  const actor: Actor = account ? { objectType: 'Agent', account } : { objectType: 'Agent', mbox: mboxOf(email as string) };
  const result: JsonObject = {};
  if (verb === ADL_VERBS.completed) {
    result.completion = true;
    // totalTime is the seconds Coassemble tracked; absent or not a number means unknown, never PT0S.
    const seconds = Number(tracking.totalTime);
    if (tracking.totalTime !== null && tracking.totalTime !== undefined && Number.isFinite(seconds) && seconds >= 0) result.duration = isoDurationFromSeconds(seconds);
  }
  const statement: Statement = {
    actor,
    verb,
    object: courseActivity(urls.baseUrl, courseId, typeof course.title === 'string' ? course.title : undefined),
    ...(Object.keys(result).length > 0 ? { result } : {}),
    context: { platform: PLATFORM },
    timestamp: timeOf(at ?? event.occurredAt, event.type),
  };
  const identities: Identity[] = [...(account ? [{ account }] : []), ...(email ? [{ mbox: mboxOf(email) }] : [])];
  const people: PersonHint[] | undefined = identities.length > 1 ? [{ identities }] : undefined;
  return statements([{ subKey, statement }], people);
}

export function courseActivity(baseUrl: string, courseId: string, title?: string): Activity {
  return {
    objectType: 'Activity',
    id: `${withoutTrailingSlash(baseUrl)}/courses/${encodeURIComponent(courseId)}`,
    definition: { type: ADL_ACTIVITY_TYPES.course, ...(title ? { name: { und: title } } : {}) },
  };
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

function timeOf(value: unknown, type: string): string {
  const time = utcTimestampOf(value);
  if (time === undefined) throw new MappingError(`${type} has no usable time (${JSON.stringify(value)})`);
  return time;
}
