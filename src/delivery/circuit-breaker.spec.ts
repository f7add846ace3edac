import { breakerAfterFailure, breakerAfterSuccess, type BreakerFields, deliveryGate } from './circuit-breaker';

const settings = { breakerThreshold: 3, breakerOpenMs: 30_000, probeEveryMs: 60_000 };
const now = new Date('2026-11-28T12:00:00Z');
const closed: BreakerFields = { state: 'active', paused_by: null, breaker: 'closed', consecutive_failures: 0, open_until: null, updated_at: now.toISOString() };

describe('the circuit breaker', () => {
  it('opens after the threshold of failed batches in a row, then lets one probe through when its time is up', () => {
    let state = closed;
    for (let i = 0; i < 2; i++) state = { ...state, ...breakerAfterFailure(state, now, settings) };
    expect(state.breaker).toBe('closed');
    state = { ...state, ...breakerAfterFailure(state, now, settings) };
    expect(state).toMatchObject({ breaker: 'open', consecutive_failures: 3, open_until: '2026-11-28T12:00:30.000Z' });
    expect(deliveryGate(state, now, settings)).toBe('wait');
    expect(deliveryGate(state, new Date('2026-11-28T12:00:30Z'), settings)).toBe('probe');
  });

  it('a failed probe opens it again; a success closes it', () => {
    const open = { ...closed, breaker: 'open' as const, consecutive_failures: 3, open_until: now.toISOString() };
    expect(breakerAfterFailure(open, now, settings)).toMatchObject({ breaker: 'open', open_until: '2026-11-28T12:00:30.000Z' });
    expect(breakerAfterSuccess()).toEqual({ breaker: 'closed', consecutive_failures: 0, open_until: null });
  });

  it('a destination paused by a refusal is probed now and then; one paused by an admin waits for the admin', () => {
    const refused = { ...closed, state: 'paused' as const, paused_by: 'credentials', updated_at: '2026-11-28T11:58:00Z' };
    expect(deliveryGate(refused, now, settings)).toBe('probe');
    expect(deliveryGate({ ...refused, updated_at: '2026-11-28T11:59:30Z' }, now, settings)).toBe('wait');
    expect(deliveryGate({ ...refused, paused_by: 'admin' }, now, settings)).toBe('wait');
  });
});
