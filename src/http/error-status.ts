import { HttpUnavailableError } from '../connector-sdk/capabilities';
import { RequestRejectedError } from '../connector-sdk/connector';
import { PreviewFailedError } from '../admin/preview/preview.service';
import { PreviewInputError } from '../admin/preview/preview-request';
import { HubBackendUnavailableError } from '../connector-host/event-admission';
import { RequestNotVerifiedError, UnknownHookPathError, UnknownInstanceError } from '../intake/intake.errors';
import { HttpProblem } from './http-errors';

export interface Problem {
  status: number;
  error: string;
  details: string[];
  headers: Record<string, string>;
}

/**
 * The one place where the hub's own errors become HTTP answers. Domain code throws typed
 * errors that carry data; only this edge knows their status codes. Undefined for anything
 * else (the framework's errors, bugs).
 */
export function problemOf(exception: unknown): Problem | undefined {
  if (exception instanceof HttpProblem) {
    return { status: exception.status, error: exception.message, details: exception.details, headers: exception.headers };
  }
  if (exception instanceof RequestRejectedError) {
    return { status: exception.status, error: exception.message, details: exception.details, headers: {} };
  }
  if (exception instanceof RequestNotVerifiedError) return { status: 401, error: exception.message, details: [], headers: {} };
  if (exception instanceof UnknownInstanceError || exception instanceof UnknownHookPathError) return { status: 404, error: exception.message, details: [], headers: {} };
  if (exception instanceof HttpUnavailableError) {
    // A connector's own outbound call (a JWKS fetch in verify, say) got no answer: the source should retry.
    return { status: 503, error: `a service the connector needs did not answer; retry later (${exception.message})`, details: [], headers: { 'Retry-After': '5' } };
  }
  if (exception instanceof HubBackendUnavailableError) {
    return { status: 503, error: exception.message, details: [], headers: { 'Retry-After': '5' } };
  }
  if (exception instanceof PreviewInputError) {
    return { status: 400, error: exception.message, details: exception.problems.map((p) => `${p.path}: ${p.reason}`), headers: {} };
  }
  if (exception instanceof PreviewFailedError) return { status: 422, error: exception.message, details: [], headers: {} };
  return undefined;
}
