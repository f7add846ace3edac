import { HttpProblem } from '../../http/http-errors';
import { type LrsErrorKind, LrsError } from '../lrs-errors';

/** The one place an LRS refusal gets its status code (xAPI 1.0.3 Communication §3.2; IEEE 9274.1.1 §4.1.4). */
export const LRS_ERROR_STATUS: Record<LrsErrorKind, number> = {
  'invalid-request': 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'precondition-failed': 412,
};

/** xAPI 1.0.3 Communication §4.0: a 401 names the Basic scheme so clients know to send credentials. */
const HEADERS: Partial<Record<LrsErrorKind, Record<string, string>>> = {
  unauthenticated: { 'WWW-Authenticate': 'Basic realm="xAPI", charset="UTF-8"' },
};

/** The HTTP answer to an LRS error, or undefined for anything else (for ProblemFilter's translators). */
export function lrsErrorProblem(error: unknown): HttpProblem | undefined {
  if (!(error instanceof LrsError)) return undefined;
  return new HttpProblem(LRS_ERROR_STATUS[error.kind], error.message, error.details, HEADERS[error.kind] ?? {});
}
