import { retriesExhausted, retryDelayMs } from './retry-schedule';

const schedule = { retryFirstDelayMs: 1000, retryMaxDelayMs: 60_000, retryForMs: 86_400_000 };

describe('the retry schedule', () => {
  it('doubles from the first delay, with jitter between half and all of it, up to the cap', () => {
    expect(retryDelayMs(1, schedule, 0)).toBe(500);
    expect(retryDelayMs(1, schedule, 0.999)).toBe(1000);
    expect(retryDelayMs(4, schedule, 0)).toBe(4000);
    expect(retryDelayMs(30, schedule, 0)).toBe(30_000);
    expect(retryDelayMs(30, schedule, 0.999)).toBeLessThanOrEqual(60_000);
  });

  it('never retries sooner than Retry-After', () => {
    expect(retryDelayMs(1, schedule, 0, 30_000)).toBe(30_000);
  });

  it('lasts about a day by default, counted from the first attempt or, if none, from arrival', () => {
    const now = new Date('2026-11-29T12:00:00Z');
    expect(retriesExhausted({ first_attempt_at: '2026-11-28T11:59:59Z', created_at: '2026-11-28T00:00:00Z' }, now, schedule)).toBe(true);
    expect(retriesExhausted({ first_attempt_at: '2026-11-28T12:00:01Z', created_at: '2026-11-28T00:00:00Z' }, now, schedule)).toBe(false);
    expect(retriesExhausted({ first_attempt_at: null, created_at: '2026-11-28T11:00:00Z' }, now, schedule)).toBe(true);
  });
});
