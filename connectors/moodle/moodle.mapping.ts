import { ADL_ACTIVITY_TYPES, ADL_VERBS, ignored, MappingError, type MappingOutcome, scoreFrom, statements, withoutTrailingSlash } from '../../src/connector-sdk';
import type { Activity, Actor, Context, JsonObject, Statement, Verb } from '../../src/xapi/statement';
import { COMPLETION, idText, type MoodleEvent } from './moodle.event';
import type { CourseModuleInfo, QuizAttemptGrade } from './moodle.webservice';

export const COURSE_COMPLETED = '\\core\\event\\course_completed';
export const MODULE_COMPLETION_UPDATED = '\\core\\event\\course_module_completion_updated';
export const QUIZ_ATTEMPT_SUBMITTED = '\\mod_quiz\\event\\attempt_submitted';

const PLATFORM = 'Moodle';

/**
 * The learner: Moodle puts the person the event is about in `relateduserid` (the user who
 * triggered it, `userid`, may be a teacher or the cron user). course_completed also carries it
 * in `other.relateduserid` on older Moodles.
 */
export function learnerId(event: MoodleEvent): string {
  const id = event.relateduserid ?? idText(event.other.relateduserid);
  if (!id) throw new MappingError(`${event.eventname} has no relateduserid: the learner is unknown`);
  return id;
}

export function moodleActor(baseUrl: string, userId: string): Actor {
  return { objectType: 'Agent', account: { homePage: withoutTrailingSlash(baseUrl), name: userId } };
}

export function courseActivity(baseUrl: string, courseId: string): Activity {
  return { objectType: 'Activity', id: `${withoutTrailingSlash(baseUrl)}/course/view.php?id=${encodeURIComponent(courseId)}`, definition: { type: ADL_ACTIVITY_TYPES.course } };
}

/**
 * A course module's id: Moodle's own page for it when its type is known; without the web
 * service, the module's anchor on its course page (Moodle renders each module as `#module-<cmid>`).
 */
export function moduleActivity(baseUrl: string, cmid: string, courseId: string, module: CourseModuleInfo | undefined): Activity {
  const id = module
    ? `${withoutTrailingSlash(baseUrl)}/mod/${encodeURIComponent(module.modname)}/view.php?id=${encodeURIComponent(cmid)}`
    : `${withoutTrailingSlash(baseUrl)}/course/view.php?id=${encodeURIComponent(courseId)}#module-${encodeURIComponent(cmid)}`;
  const type = module?.modname === 'quiz' ? ADL_ACTIVITY_TYPES.assessment : ADL_ACTIVITY_TYPES.module;
  return { objectType: 'Activity', id, definition: { type, ...(module?.name ? { name: { und: module.name } } : {}) } };
}

export function mapCourseCompleted(event: MoodleEvent, baseUrl: string): MappingOutcome {
  const courseId = requireId(event, 'courseid', event.courseid ?? event.contextinstanceid);
  return statements([
    {
      subKey: 'completion',
      statement: statementOf(event, baseUrl, learnerId(event), ADL_VERBS.completed, courseActivity(baseUrl, courseId), { completion: true }),
    },
  ]);
}

/**
 * complete → completed; complete-pass → passed; complete-fail → failed (Moodle counts it as
 * complete). Incomplete is ignored: it takes back an earlier completion, which xAPI has no verb
 * for, and the earlier statement cannot be voided because its event key is not known here.
 */
export function mapModuleCompletion(event: MoodleEvent, baseUrl: string, module: CourseModuleInfo | undefined): MappingOutcome {
  const cmid = requireId(event, 'contextinstanceid', event.contextinstanceid);
  const courseId = requireId(event, 'courseid', event.courseid);
  const state = Number(event.other.completionstate);
  const verdict = completionVerdict(state);
  if (verdict === 'incomplete') {
    return ignored(`course module ${cmid} was set back to incomplete (completionstate 0): nothing was completed`);
  }
  if (!verdict) throw new MappingError(`completionstate ${String(event.other.completionstate)} is not one Moodle defines (0–3)`);
  const instructor = idText(event.other.overrideby);
  const statement = statementOf(event, baseUrl, learnerId(event), verdict.verb, moduleActivity(baseUrl, cmid, courseId, module), verdict.result, {
    parent: courseActivity(baseUrl, courseId),
    ...(instructor ? { instructor: moodleActor(baseUrl, instructor) } : {}),
  });
  return statements([{ subKey: 'completion', statement }]);
}

function completionVerdict(state: number): { verb: Verb; result: JsonObject } | 'incomplete' | undefined {
  switch (state) {
    case COMPLETION.incomplete:
      return 'incomplete';
    case COMPLETION.complete:
      return { verb: ADL_VERBS.completed, result: { completion: true } };
    case COMPLETION.completePass:
      return { verb: ADL_VERBS.passed, result: { completion: true, success: true } };
    case COMPLETION.completeFail:
      return { verb: ADL_VERBS.failed, result: { completion: true, success: false } };
    default:
      return undefined;
  }
}

/**
 * A submitted quiz attempt. With a grade: passed/failed against the quiz's pass mark, or
 * scored where the quiz sets none. Without one (no web service, or questions awaiting manual
 * grading): attempted, with no invented score.
 */
export function mapQuizAttempt(event: MoodleEvent, baseUrl: string, grade: QuizAttemptGrade | undefined): MappingOutcome {
  const cmid = requireId(event, 'contextinstanceid', event.contextinstanceid);
  const courseId = requireId(event, 'courseid', event.courseid);
  const quiz = moduleActivity(baseUrl, cmid, courseId, { modname: 'quiz', ...(grade?.quizName ? { name: grade.quizName } : {}) });
  const parent = { parent: courseActivity(baseUrl, courseId) };
  const learner = learnerId(event);
  if (grade?.grade === undefined) {
    return statements([{ subKey: 'attempt', statement: statementOf(event, baseUrl, learner, ADL_VERBS.attempted, quiz, { completion: true }, parent) }]);
  }
  const score = scoreFrom({ raw: grade.grade, ...(grade.max !== undefined ? { min: 0, max: grade.max } : {}) });
  if (!score) throw new MappingError(`quiz attempt ${event.objectid ?? ''} has grade ${grade.grade} outside 0–${grade.max ?? '?'}`);
  const pass = grade.gradeToPass !== undefined && grade.gradeToPass > 0 ? grade.grade >= grade.gradeToPass : undefined;
  const verb = pass === undefined ? ADL_VERBS.scored : pass ? ADL_VERBS.passed : ADL_VERBS.failed;
  const result: JsonObject = { score, completion: true, ...(pass === undefined ? {} : { success: pass }) };
  return statements([{ subKey: 'attempt', statement: statementOf(event, baseUrl, learner, verb, quiz, result, parent) }]);
}

function statementOf(
  event: MoodleEvent,
  baseUrl: string,
  learner: string,
  verb: Verb,
  object: Activity,
  result: JsonObject,
  extra: { parent?: Activity; instructor?: Actor } = {},
): Statement {
  const context: Context = {
    platform: PLATFORM,
    ...(extra.parent ? { contextActivities: { parent: [extra.parent] } } : {}),
    ...(extra.instructor ? { instructor: extra.instructor } : {}),
  };
  return {
    actor: moodleActor(baseUrl, learner),
    verb,
    object,
    result,
    context,
    // timecreated is Unix seconds: when it happened in Moodle, written in UTC.
    timestamp: new Date(event.timecreated * 1000).toISOString(),
  };
}

function requireId(event: MoodleEvent, field: string, value: string | undefined): string {
  if (!value) throw new MappingError(`${event.eventname} has no ${field}`);
  return value;
}
