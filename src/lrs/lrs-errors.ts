/**
 * Why the built-in LRS refuses a request, as data: the statements, documents, auth and
 * resource code throw these and never choose an HTTP status. The status for each kind is
 * decided once, at the HTTP edge (src/lrs/http/lrs-error-status.ts), following xAPI's codes.
 */
export type LrsErrorKind =
  /** The request is malformed or breaks an xAPI rule (xAPI: 400). */
  | 'invalid-request'
  /** No credentials, or ones that do not prove an active key. */
  | 'unauthenticated'
  /** The credential lacks the scope the resource needs. */
  | 'forbidden'
  /** No such statement or document. */
  | 'not-found'
  /** A statement id already stored with other content; a document changed without concurrency headers. */
  | 'conflict'
  /** If-Match / If-None-Match did not hold. */
  | 'precondition-failed';

export class LrsError extends Error {
  constructor(
    readonly kind: LrsErrorKind,
    message: string,
    /** What to do about it, one line each. */
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

export const invalidRequest = (message: string, details?: string[]) => new LrsError('invalid-request', message, details);
export const notFound = (message: string) => new LrsError('not-found', message);
export const conflict = (message: string, details?: string[]) => new LrsError('conflict', message, details);
export const preconditionFailed = (message: string) => new LrsError('precondition-failed', message);
