import { defineConnector, ignored, jsonBody, matchesAnySecret, type VerifyResult } from '../../src/connector-sdk';
import { MoodleConfig } from './config';
import { moodleEventKey, readMoodleEvent } from './moodle.event';
import { COURSE_COMPLETED, learnerId, mapCourseCompleted, mapModuleCompletion, mapQuizAttempt, MODULE_COMPLETION_UPDATED, QUIZ_ATTEMPT_SUBMITTED } from './moodle.mapping';
import { courseModuleInfo, type MoodleWebService, quizAttemptGrade } from './moodle.webservice';

/**
 * Moodle events as the local_webhooks plugin posts them (one JSON event per request, the
 * service's token in the body): course completions, activity completions and quiz attempts.
 */
export const connector = defineConnector<MoodleConfig>({
  id: 'moodle',
  name: 'Moodle (local_webhooks)',
  description: 'Course and activity completions and quiz attempts from Moodle’s local_webhooks plugin.',
  configSchema: MoodleConfig,

  verify(request, { secrets }) {
    if (secrets.length === 0) return { ok: false, reason: 'no token is configured for this instance: add the local_webhooks service token to its secrets' };
    let token: unknown;
    try {
      token = (JSON.parse(request.rawBody.toString('utf8')) as { token?: unknown } | null)?.token;
    } catch {
      return { ok: false, reason: 'the body is not JSON, so it carries no token' };
    }
    if (typeof token !== 'string' || token === '') return { ok: false, reason: 'the body has no "token": set the Token field of the local_webhooks service' };
    return matchesAnySecret(token, secrets)
      ? { ok: true }
      : ({ ok: false, reason: 'the token in the body does not match; check the local_webhooks service token' } satisfies VerifyResult);
  },

  split(request) {
    const body = jsonBody(request);
    const event = readMoodleEvent(body);
    // The token is a credential: it is checked, never stored in the inbox.
    const { token: _token, ...stored } = body as Record<string, unknown>;
    return [{ key: moodleEventKey(event), body: stored }];
  },

  async map(stored, { config, http, state }) {
    const event = readMoodleEvent(stored.body);
    const ws: MoodleWebService | undefined = config.webServiceToken ? { http, baseUrl: config.baseUrl, token: config.webServiceToken } : undefined;
    switch (event.eventname) {
      case COURSE_COMPLETED:
        return mapCourseCompleted(event, config.baseUrl);
      case MODULE_COMPLETION_UPDATED: {
        const module = ws && event.contextinstanceid ? await courseModuleInfo(ws, state, event.contextinstanceid) : undefined;
        return mapModuleCompletion(event, config.baseUrl, module);
      }
      case QUIZ_ATTEMPT_SUBMITTED: {
        const grade = ws && event.objectid && event.courseid ? await quizAttemptGrade(ws, event.objectid, event.courseid, learnerId(event)) : undefined;
        return mapQuizAttempt(event, config.baseUrl, grade);
      }
      default:
        return ignored(`${event.eventname} is not an event this connector maps (course_completed, course_module_completion_updated, mod_quiz attempt_submitted)`);
    }
  },
});
