import { urlUnder } from '../../src/connector-sdk';
import type { HttpClient, InstanceState } from '../../src/connector-sdk';

/**
 * Moodle's REST web service (`/webservice/rest/server.php`), for what the event does not carry:
 * a module's type and a quiz attempt's grade. Moodle answers errors with HTTP 200 and an
 * `exception` object; those become MoodleWebServiceError so the worker retries and the reason
 * (an expired token, a missing capability) is visible.
 */
export class MoodleWebServiceError extends Error {
  constructor(
    readonly wsfunction: string,
    message: string,
  ) {
    super(`Moodle web service ${wsfunction} failed: ${message}`);
  }
}

export interface MoodleWebService {
  http: HttpClient;
  baseUrl: string;
  token: string;
}

export async function callMoodle<T>(ws: MoodleWebService, wsfunction: string, params: Record<string, string | number>): Promise<T> {
  const response = await ws.http.request<T | { exception?: string; errorcode?: string; message?: string }>({
    method: 'GET',
    url: urlUnder(ws.baseUrl, 'webservice/rest/server.php'),
    params: { wstoken: ws.token, wsfunction, moodlewsrestformat: 'json', ...params },
  });
  if (response.status !== 200) throw new MoodleWebServiceError(wsfunction, `HTTP ${response.status}`);
  const data = response.data as { exception?: string; errorcode?: string; message?: string } | null;
  if (data !== null && typeof data === 'object' && typeof data.exception === 'string') {
    throw new MoodleWebServiceError(wsfunction, `${data.errorcode ?? data.exception}: ${data.message ?? ''}`.trim());
  }
  return response.data as T;
}

export interface CourseModuleInfo {
  /** `quiz`, `assign`, `scorm`… */
  modname: string;
  name?: string;
}

/** A course module's type and name; cached per instance (a module never changes type). */
export async function courseModuleInfo(ws: MoodleWebService, state: InstanceState, cmid: string): Promise<CourseModuleInfo> {
  const cacheKey = `cm:${cmid}`;
  const cached = await state.get<CourseModuleInfo>(cacheKey);
  if (cached) return cached;
  const answer = await callMoodle<{ cm?: { modname?: string; name?: string } }>(ws, 'core_course_get_course_module', { cmid });
  if (typeof answer.cm?.modname !== 'string') throw new MoodleWebServiceError('core_course_get_course_module', `no modname for course module ${cmid}`);
  const info: CourseModuleInfo = { modname: answer.cm.modname, ...(answer.cm.name ? { name: answer.cm.name } : {}) };
  await state.set(cacheKey, info);
  return info;
}

/** What Moodle knows of a submitted attempt's grade, in the quiz's own scale. */
export interface QuizAttemptGrade {
  /** The attempt's grade out of `max`; undefined while questions still need manual grading. */
  grade?: number;
  max?: number;
  /** The quiz's "grade to pass"; undefined or 0 when the quiz sets none. */
  gradeToPass?: number;
  quizName?: string;
}

/**
 * mod_quiz_get_attempt_review gives the attempt's grade (already rescaled to the quiz's maximum),
 * mod_quiz_get_quizzes_by_courses the maximum and name, mod_quiz_get_user_best_grade the pass mark.
 */
export async function quizAttemptGrade(ws: MoodleWebService, attemptId: string, courseId: string, userId: string): Promise<QuizAttemptGrade> {
  const review = await callMoodle<{ grade?: string | number | null; attempt?: { quiz?: number | string } }>(ws, 'mod_quiz_get_attempt_review', {
    attemptid: attemptId,
  });
  const quizId = review.attempt?.quiz !== undefined ? String(review.attempt.quiz) : undefined;
  if (!quizId) throw new MoodleWebServiceError('mod_quiz_get_attempt_review', `no quiz for attempt ${attemptId}`);
  const quizzes = await callMoodle<{ quizzes?: { id: number | string; name?: string; grade?: number | string }[] }>(ws, 'mod_quiz_get_quizzes_by_courses', {
    'courseids[0]': courseId,
  });
  const quiz = (quizzes.quizzes ?? []).find((q) => String(q.id) === quizId);
  const best = await callMoodle<{ gradetopass?: number | string }>(ws, 'mod_quiz_get_user_best_grade', { quizid: quizId, userid: userId });
  return {
    ...numberField('grade', review.grade),
    ...numberField('max', quiz?.grade),
    ...numberField('gradeToPass', best.gradetopass),
    ...(quiz?.name ? { quizName: quiz.name } : {}),
  };
}

function numberField<K extends string>(key: K, value: unknown): Partial<Record<K, number>> {
  if (value === null || value === undefined || value === '') return {};
  const n = Number(value);
  return Number.isFinite(n) ? ({ [key]: n } as Record<K, number>) : {};
}
