import {
  ADL_ACTIVITY_TYPES,
  ADL_VERBS,
  ignored,
  isEmail,
  isRecord,
  MappingError,
  type MappingOutcome,
  type PersonHint,
  personHint,
  requireTimestamp,
  statements,
  withoutTrailingSlash,
} from '../../src/connector-sdk';
import type { Activity, Actor, JsonObject, Statement, Verb } from '../../src/xapi/statement';
import type { ThinkificEvent } from './thinkific.event';

const PLATFORM = 'Thinkific';
/** cmi5's progress extension (integer percent), the registered place for "how far along" in a result. */
export const PROGRESS_EXTENSION = 'https://w3id.org/xapi/cmi5/result/extensions/progress';

interface Enrollment {
  userId: string;
  name?: string;
  email?: string;
  courseId: string;
  courseName?: string;
}

export function mapThinkificEvent(event: ThinkificEvent, siteUrl: string): MappingOutcome {
  const topic = `${event.resource}.${event.action}`;
  switch (topic) {
    case 'enrollment.completed':
      return mapEnrollmentCompleted(event, siteUrl);
    case 'enrollment.progress':
      return mapEnrollmentProgress(event, siteUrl);
    default:
      return ignored(`${topic} is not a topic this connector maps (enrollment.completed, enrollment.progress)`);
  }
}

/** enrollment.completed (100% of the course): completed, at the enrollment's completed_at. */
function mapEnrollmentCompleted(event: ThinkificEvent, siteUrl: string): MappingOutcome {
  const enrollment = readEnrollment(event);
  const when = event.payload.completed_at ?? event.createdAt;
  const statement = statementOf(siteUrl, enrollment, ADL_VERBS.completed, { completion: true }, requireTimestamp(when, 'completed_at'));
  return statements([{ subKey: 'completion', statement }], peopleOf(siteUrl, enrollment));
}

/**
 * enrollment.progress: progressed, with the percent in cmi5's progress extension. Thinkific's
 * webhook sends `percentage_completed` as a percent string ("24.0"); 100 is left to
 * enrollment.completed, which Thinkific sends for the same moment.
 */
function mapEnrollmentProgress(event: ThinkificEvent, siteUrl: string): MappingOutcome {
  const enrollment = readEnrollment(event);
  const percent = Number(event.payload.percentage_completed);
  if (event.payload.percentage_completed === null || event.payload.percentage_completed === undefined || !Number.isFinite(percent) || percent < 0 || percent > 100) {
    throw new MappingError(`percentage_completed ${JSON.stringify(event.payload.percentage_completed)} is not a percent (0–100)`);
  }
  const result: JsonObject = { extensions: { [PROGRESS_EXTENSION]: Math.round(percent) } };
  const statement = statementOf(siteUrl, enrollment, ADL_VERBS.progressed, result, requireTimestamp(event.createdAt ?? event.payload.updated_at, 'created_at'));
  return statements([{ subKey: 'progress', statement }], peopleOf(siteUrl, enrollment));
}

function readEnrollment(event: ThinkificEvent): Enrollment {
  const { payload } = event;
  const user = isRecord(payload.user) ? payload.user : {};
  const course = isRecord(payload.course) ? payload.course : {};
  const userId = idOf(user.id);
  const courseId = idOf(course.id) ?? idOf(payload.course_id);
  if (!userId) throw new MappingError(`${event.resource}.${event.action} has no payload.user.id: the learner is unknown`);
  if (!courseId) throw new MappingError(`${event.resource}.${event.action} has no course id`);
  const name = [user.first_name, user.last_name].filter((part): part is string => typeof part === 'string' && part.trim() !== '').join(' ');
  return {
    userId,
    courseId,
    ...(name ? { name } : {}),
    ...(typeof user.email === 'string' && isEmail(user.email) ? { email: user.email } : {}),
    ...(typeof course.name === 'string' && course.name ? { courseName: course.name } : {}),
  };
}

export function thinkificActor(siteUrl: string, userId: string, name?: string): Actor {
  return { objectType: 'Agent', account: { homePage: withoutTrailingSlash(siteUrl), name: userId }, ...(name ? { name } : {}) };
}

/** The course by its numeric id: the admin's course page, `<site>/manage/courses/<id>` (slugs change with titles). */
export function courseActivity(siteUrl: string, courseId: string, name?: string): Activity {
  return {
    objectType: 'Activity',
    id: `${withoutTrailingSlash(siteUrl)}/manage/courses/${encodeURIComponent(courseId)}`,
    definition: { type: ADL_ACTIVITY_TYPES.course, ...(name ? { name: { und: name } } : {}) },
  };
}

function statementOf(siteUrl: string, enrollment: Enrollment, verb: Verb, result: JsonObject, timestamp: string): Statement {
  return {
    actor: thinkificActor(siteUrl, enrollment.userId, enrollment.name),
    verb,
    object: courseActivity(siteUrl, enrollment.courseId, enrollment.courseName),
    result,
    context: { platform: PLATFORM },
    timestamp,
  };
}

/** The payload names the learner by id and e-mail: the identity directory may link the two. */
function peopleOf(siteUrl: string, enrollment: Enrollment): PersonHint[] | undefined {
  if (!enrollment.email) return undefined;
  return [personHint({ homePage: withoutTrailingSlash(siteUrl), id: enrollment.userId, email: enrollment.email, name: enrollment.name })];
}

function idOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return String(value);
  return typeof value === 'string' && /^\S+$/.test(value) ? value : undefined;
}
