/**
 * What a destination answered to one batch, as a typed outcome: the only thing the
 * classifier sees. The external LRS's HTTP statuses are turned into one of these by
 * `answerFromHttp`; the built-in LRS answers per statement and never through a status.
 */
export type BatchAnswer =
  /** Every statement is held by the LRS (2xx). */
  | { kind: 'stored' }
  /** One outcome per statement, in batch order (the built-in LRS). */
  | { kind: 'per-statement'; results: StatementResult[] }
  /** 409: some id is held already; which, and with what content, must be asked. */
  | { kind: 'conflict'; message: string }
  /** 400 (and other 4xx about the content): some statement is refused. */
  | { kind: 'rejected'; message: string }
  /** 413: the batch is too large for the LRS. */
  | { kind: 'too-large'; message: string }
  /** 401/403 (credentials) or 404/405 (wrong endpoint): nothing will pass until someone acts. */
  | { kind: 'refused'; cause: 'credentials' | 'endpoint'; message: string }
  /** 408/429/5xx, timeouts and connection errors: may pass later. */
  | { kind: 'unavailable'; message: string; retryAfterMs?: number };

export type StatementResult =
  | { outcome: 'stored' | 'identical' }
  | { outcome: 'conflict' | 'invalid'; message: string };

/** What an LRS holds under a statement's id, compared with what we sent (after a 409). */
export type HeldStatement = 'identical' | 'different' | 'absent';
