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
  scoreFrom,
  statements,
  withoutTrailingSlash,
} from '../../src/connector-sdk';
import type { Activity, Actor, JsonObject, Statement, Verb } from '../../src/xapi/statement';
import { type CanvasEvent, localId } from './canvas.event';

const PLATFORM = 'Canvas LMS';

export function canvasActor(baseUrl: string, userId: string, name?: string): Actor {
  return { objectType: 'Agent', account: { homePage: withoutTrailingSlash(baseUrl), name: userId }, ...(name ? { name } : {}) };
}

export function courseActivity(baseUrl: string, courseId: string, name?: string): Activity {
  return {
    objectType: 'Activity',
    id: `${withoutTrailingSlash(baseUrl)}/courses/${encodeURIComponent(courseId)}`,
    definition: { type: ADL_ACTIVITY_TYPES.course, ...(name ? { name: { und: name } } : {}) },
  };
}

export function assignmentActivity(baseUrl: string, courseId: string, assignmentId: string, name?: string): Activity {
  return {
    objectType: 'Activity',
    id: `${withoutTrailingSlash(baseUrl)}/courses/${encodeURIComponent(courseId)}/assignments/${encodeURIComponent(assignmentId)}`,
    definition: { type: ADL_ACTIVITY_TYPES.assessment, ...(name ? { name: { und: name } } : {}) },
  };
}

/**
 * grade_change → scored, for the student (`student_id`, else `user_id`), never the grader
 * (`grader_id`, who becomes context.instructor). Score from `score` / `points_possible`.
 */
export function mapGradeChange(event: CanvasEvent, baseUrl: string): MappingOutcome {
  const { body, metadata } = event;
  const student = localId(body.student_id) ?? localId(body.user_id);
  if (!student) throw new MappingError('grade_change has no student_id or user_id: the learner is unknown');
  const assignment = requireId(body.assignment_id, 'grade_change has no assignment_id');
  const course = courseOf(event, 'grade_change');
  if (body.score === null || body.score === undefined) return ignored(`the grade of submission ${localId(body.submission_id) ?? '?'} was removed: nothing was scored`);
  const raw = Number(body.score);
  if (!Number.isFinite(raw)) throw new MappingError(`grade_change score ${JSON.stringify(body.score)} is not a number`);
  const max = Number(body.points_possible);
  // Extra credit (score above points possible) has no place in a bounded score: raw alone, no scaled.
  const score = (Number.isFinite(max) && max > 0 ? scoreFrom({ raw, min: 0, max }) : undefined) ?? { raw };
  const grader = localId(body.grader_id);
  const name = typeof body.assignment_name === 'string' ? body.assignment_name : undefined;
  const statement = statementOf({
    actor: canvasActor(baseUrl, student),
    verb: ADL_VERBS.scored,
    object: assignmentActivity(baseUrl, course, assignment, name),
    result: { score },
    parent: courseActivity(baseUrl, course),
    instructor: grader && grader !== student ? canvasActor(baseUrl, grader) : undefined,
    timestamp: requireTimestamp(metadata.event_time, 'grade_change event_time'),
  });
  return statements([{ subKey: 'grade', statement }]);
}

/** submission_created → attempted the assignment (a submission is not a completion; grades come with grade_change). */
export function mapSubmissionCreated(event: CanvasEvent, baseUrl: string): MappingOutcome {
  const { body, metadata } = event;
  const learner = requireId(body.user_id, 'submission_created has no user_id: the learner is unknown');
  const assignment = requireId(body.assignment_id, 'submission_created has no assignment_id');
  const course = courseOf(event, 'submission_created');
  const statement = statementOf({
    actor: canvasActor(baseUrl, learner),
    verb: ADL_VERBS.attempted,
    object: assignmentActivity(baseUrl, course, assignment),
    parent: courseActivity(baseUrl, course),
    timestamp: requireTimestamp(body.submitted_at ?? metadata.event_time, 'submission_created submitted_at'),
  });
  return statements([{ subKey: 'submission', statement }]);
}

/** course_completed → completed the course; the body names the student with e-mail, so a person hint too. */
export function mapCourseCompleted(event: CanvasEvent, baseUrl: string): MappingOutcome {
  const { course, progress, actor, people } = courseProgressOf(event, baseUrl);
  const statement = statementOf({
    actor,
    verb: ADL_VERBS.completed,
    object: course,
    result: { completion: true },
    timestamp: requireTimestamp(progress.completed_at ?? event.metadata.event_time, 'course_completed progress.completed_at'),
  });
  return statements([{ subKey: 'completion', statement }], people);
}

/** cmi5's progress extension (integer percent), the registered place for "how far along" in a result. */
export const PROGRESS_EXTENSION = 'https://w3id.org/xapi/cmi5/result/extensions/progress';

/** course_progress → progressed, with requirements met / required as a whole percent (rounded down: 99.6% is not done). */
export function mapCourseProgress(event: CanvasEvent, baseUrl: string): MappingOutcome {
  const { course, progress, actor, people } = courseProgressOf(event, baseUrl);
  const done = Number(progress.requirement_completed_count);
  const total = Number(progress.requirement_count);
  if (!Number.isInteger(total) || total <= 0 || !Number.isInteger(done) || done < 0 || done > total) {
    throw new MappingError(`course_progress has ${String(progress.requirement_completed_count)} of ${String(progress.requirement_count)} requirements met: not a progress`);
  }
  const statement = statementOf({
    actor,
    verb: ADL_VERBS.progressed,
    object: course,
    result: { extensions: { [PROGRESS_EXTENSION]: Math.floor((done / total) * 100) } },
    timestamp: requireTimestamp(event.metadata.event_time, 'course_progress event_time'),
  });
  return statements([{ subKey: 'progress', statement }], people);
}

/** What course_completed and course_progress share: the student (with e-mail → person hint), the course, the progress. */
function courseProgressOf(event: CanvasEvent, baseUrl: string): { course: Activity; progress: Record<string, unknown>; actor: Actor; people?: PersonHint[] } {
  const { body, metadata } = event;
  const user = isRecord(body.user) ? body.user : {};
  const course = isRecord(body.course) ? body.course : {};
  const learner = requireId(user.id, `${metadata.event_name} has no user.id: the learner is unknown`);
  const courseId = requireId(course.id, `${metadata.event_name} has no course.id`);
  const name = typeof user.name === 'string' && user.name.trim() !== '' ? user.name : undefined;
  const actor = canvasActor(baseUrl, learner, name);
  const email = typeof user.email === 'string' && isEmail(user.email) ? user.email : undefined;
  return {
    course: courseActivity(baseUrl, courseId, typeof course.name === 'string' ? course.name : undefined),
    progress: isRecord(body.progress) ? body.progress : {},
    actor,
    ...(email ? { people: [personHint({ homePage: withoutTrailingSlash(baseUrl), id: learner, email, name })] } : {}),
  };
}

function statementOf(parts: {
  actor: Actor;
  verb: Verb;
  object: Activity;
  result?: JsonObject;
  parent?: Activity;
  instructor?: Actor;
  timestamp: string;
}): Statement {
  return {
    actor: parts.actor,
    verb: parts.verb,
    object: parts.object,
    ...(parts.result ? { result: parts.result } : {}),
    context: {
      platform: PLATFORM,
      ...(parts.parent ? { contextActivities: { parent: [parts.parent] } } : {}),
      ...(parts.instructor ? { instructor: parts.instructor } : {}),
    },
    timestamp: parts.timestamp,
  };
}

/** The course: Canvas names it in the metadata's context when the event happened in one. */
function courseOf(event: CanvasEvent, name: string): string {
  const { metadata } = event;
  const course = metadata.context_type === 'Course' ? localId(metadata.context_id) : undefined;
  if (!course) throw new MappingError(`${name} came without a course context (metadata.context_type "Course" and context_id), so the assignment's URL is unknown`);
  return course;
}

function requireId(value: unknown, reason: string): string {
  const id = localId(value);
  if (!id) throw new MappingError(reason);
  return id;
}
