import type { DeliverySettings } from '../config/destination-settings';

export type RetrySchedule = Pick<DeliverySettings, 'retryFirstDelayMs' | 'retryMaxDelayMs' | 'retryForMs'>;

/**
 * The wait before attempt `attempts + 1`: exponential from the first delay, capped, with
 * "equal jitter" (half fixed, half random) so a recovering LRS is not hit by every batch at
 * once; never shorter than the LRS's Retry-After. `random` is in [0, 1).
 */
export function retryDelayMs(attempts: number, schedule: RetrySchedule, random: number, retryAfterMs?: number): number {
  const exponential = Math.min(schedule.retryMaxDelayMs, schedule.retryFirstDelayMs * 2 ** Math.max(0, attempts - 1));
  const jittered = Math.round(exponential / 2 + (exponential / 2) * random);
  return Math.max(jittered, retryAfterMs ?? 0);
}

/**
 * Whether a statement has used up its schedule by `now`: counted from its first attempt,
 * or from when it entered the outbox if it was never attempted (an open breaker held it back).
 */
export function retriesExhausted(row: { first_attempt_at: string | null; created_at: string }, now: Date, schedule: RetrySchedule): boolean {
  return now.getTime() - Date.parse(row.first_attempt_at ?? row.created_at) >= schedule.retryForMs;
}
