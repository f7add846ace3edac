import type { BatchAnswer } from './batch-answer';

/**
 * What to do with a destination's answer to a batch (README, "What each LRS answer leads
 * to"). Pure, so every answer has a tested decision:
 * - done: every statement is held (2xx);
 * - per-statement: the built-in LRS said which were stored, held identical, conflicting, invalid;
 * - compare: 409 — ask the LRS what it holds under each id; the same statement is done, a
 *   different one is a conflict dead letter (never "delivered" by status code);
 * - split: 400 / 413 on more than one statement — halve the batch until the bad one is alone;
 * - dead: 400 / 413 on a single statement — a dead letter with the LRS's message;
 * - pause: 401/403 (credentials) or 404/405 (endpoint) — pause the destination, alert, no retries;
 * - retry: 408/429/5xx, timeouts, connection errors — back off (honouring Retry-After).
 */
export type BatchDecision =
  | { action: 'done' }
  | { action: 'per-statement' }
  | { action: 'compare' }
  | { action: 'split' }
  | { action: 'dead'; reason: 'rejected' | 'too-large'; message: string }
  | { action: 'pause'; cause: 'credentials' | 'endpoint'; message: string }
  | { action: 'retry'; message: string; retryAfterMs?: number };

export function classifyLrsAnswer(answer: BatchAnswer, batchSize: number): BatchDecision {
  switch (answer.kind) {
    case 'stored':
      return { action: 'done' };
    case 'per-statement':
      return { action: 'per-statement' };
    case 'conflict':
      return { action: 'compare' };
    case 'rejected':
    case 'too-large':
      return batchSize > 1 ? { action: 'split' } : { action: 'dead', reason: answer.kind, message: answer.message };
    case 'refused':
      return { action: 'pause', cause: answer.cause, message: answer.message };
    case 'unavailable':
      return { action: 'retry', message: answer.message, retryAfterMs: answer.retryAfterMs };
  }
}
