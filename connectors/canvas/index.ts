import { defineConnector, ignored, jsonBody, matchesAnySecret, RequestRejectedError } from '../../src/connector-sdk';
import { jwtClaims, looksLikeJwt } from '../../src/connector-sdk/jwt';
import { canvasEventKey, readCanvasEvent } from './canvas.event';
import { verifySignedPayload } from './canvas.jwks';
import { mapCourseCompleted, mapCourseProgress, mapGradeChange, mapSubmissionCreated } from './canvas.mapping';
import { CanvasConfig } from './config';

/**
 * Canvas LMS Live Events delivered over HTTPS in Canvas format (a Data Services subscription),
 * either as JSON or, with "Sign Payload", as an RS256 JWT whose claims are the event.
 */
export const connector = defineConnector<CanvasConfig>({
  id: 'canvas',
  name: 'Canvas LMS Live Events',
  description: 'Submissions, grade changes, course progress and completions from Canvas Live Events (Canvas format, optionally signed).',
  configSchema: CanvasConfig,

  async verify(request, context) {
    const text = request.rawBody.toString('utf8').trim();
    if (context.config.jwksUrl) {
      if (!looksLikeJwt(text)) return { ok: false, reason: 'this instance takes signed payloads only: the body is not a JWT (turn on "Sign Payload" in the Canvas subscription)' };
      const verdict = await verifySignedPayload(text, context);
      return verdict.ok ? { ok: true } : { ok: false, reason: verdict.reason };
    }
    // Unsigned delivery: the only proof is a secret in the subscription URL (?token=…), when the instance has one.
    if (context.secrets.length === 0) return { ok: true };
    const token = request.query.token;
    if (!token) return { ok: false, reason: 'missing ?token= in the URL: add the instance secret to the Canvas subscription URL' };
    return matchesAnySecret(token, context.secrets) ? { ok: true } : { ok: false, reason: 'the ?token= in the URL does not match the instance secret' };
  },

  split(request) {
    const text = request.rawBody.toString('utf8').trim();
    let payload: unknown;
    if (looksLikeJwt(text)) {
      // verify() has checked the signature; here only the claims are read.
      payload = jwtClaims(text);
      if (!payload) throw new RequestRejectedError(400, 'the JWT payload is not base64url JSON');
    } else {
      payload = jsonBody(request);
    }
    const event = readCanvasEvent(payload);
    return [{ key: canvasEventKey(event), body: event }];
  },

  map(stored, { config }) {
    const event = readCanvasEvent(stored.body);
    switch (event.metadata.event_name) {
      case 'grade_change':
        return mapGradeChange(event, config.baseUrl);
      case 'submission_created':
        return mapSubmissionCreated(event, config.baseUrl);
      case 'course_completed':
        return mapCourseCompleted(event, config.baseUrl);
      case 'course_progress':
        return mapCourseProgress(event, config.baseUrl);
      default:
        return ignored(`${event.metadata.event_name} is not an event this connector maps (submission_created, grade_change, course_completed, course_progress)`);
    }
  },
});
