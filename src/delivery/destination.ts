import type { Statement } from '../xapi/statement';
import type { BatchAnswer, HeldStatement } from './batch-answer';

/** Somewhere statements go: the built-in LRS or an external one. Answers are typed, never thrown statuses. */
export interface Destination {
  readonly id: string;
  /** Sends one batch; resolves with what the LRS made of it (throws only for the hub's own trouble). */
  deliver(statements: readonly Statement[]): Promise<BatchAnswer>;
  /** After a 409: what the LRS holds under each statement's id, in batch order. */
  compare(statements: readonly Statement[]): Promise<HeldStatement[] | { kind: 'unavailable'; message: string }>;
}
