/** What came of one attempt at an outbound call. */
export type AttemptOutcome = { kind: 'answer'; status: number } | { kind: 'no-answer' };

/**
 * Whether to try an outbound call again: only a GET (safe to repeat: a POST that reached the
 * server may have done its work already), and only when nothing answered or the server
 * failed (5xx). Every other status is the connector's to read — a 404 or a 410 means something.
 */
export function shouldRetry(method: string, outcome: AttemptOutcome): boolean {
  if (method.toUpperCase() !== 'GET') return false;
  return outcome.kind === 'no-answer' || outcome.status >= 500;
}

/** Wait before retry `attempt` (1, 2, …): doubling from `baseMs`. */
export function backoffMs(attempt: number, baseMs: number): number {
  return baseMs * 2 ** (attempt - 1);
}
