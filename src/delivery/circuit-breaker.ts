import type { DeliverySettings } from '../config/destination-settings';
import type { DestinationStateTable } from '../store/database.types';

export type BreakerFields = Pick<DestinationStateTable, 'state' | 'paused_by' | 'breaker' | 'consecutive_failures' | 'open_until' | 'updated_at'>;
type BreakerSettings = Pick<DeliverySettings, 'breakerThreshold' | 'breakerOpenMs' | 'probeEveryMs'>;

/**
 * Whether a worker may send now: `deliver` full batches; `probe` one statement (a half-open
 * breaker, or a destination paused by a refusal whose probe time has come); `wait`.
 * A destination an admin paused is never probed: only an admin resumes it.
 */
export function deliveryGate(state: BreakerFields, now: Date, settings: BreakerSettings): 'deliver' | 'probe' | 'wait' {
  if (state.state === 'paused') {
    if (state.paused_by === 'admin') return 'wait';
    return now.getTime() - Date.parse(state.updated_at) >= settings.probeEveryMs ? 'probe' : 'wait';
  }
  if (state.breaker === 'closed') return 'deliver';
  return state.open_until === null || Date.parse(state.open_until) <= now.getTime() ? 'probe' : 'wait';
}

/** After a batch the destination could not take: count it, and open the breaker at the threshold (or after a failed probe). */
export function breakerAfterFailure(state: BreakerFields, now: Date, settings: BreakerSettings): Pick<BreakerFields, 'breaker' | 'consecutive_failures' | 'open_until'> {
  const failures = state.consecutive_failures + 1;
  const opens = state.breaker !== 'closed' || failures >= settings.breakerThreshold;
  return {
    consecutive_failures: failures,
    breaker: opens ? 'open' : 'closed',
    open_until: opens ? new Date(now.getTime() + settings.breakerOpenMs).toISOString() : null,
  };
}

/** A batch went through: the breaker closes and the count starts again. */
export function breakerAfterSuccess(): Pick<BreakerFields, 'breaker' | 'consecutive_failures' | 'open_until'> {
  return { breaker: 'closed', consecutive_failures: 0, open_until: null };
}

