import { instantOf } from './local-date';

describe('instantOf', () => {
  it('takes a date-only value as the start of that day in the instance time zone', () => {
    expect(instantOf('2026-11-20', 'UTC')).toBe('2026-11-20T00:00:00.000Z');
    expect(instantOf('2026-11-20', 'Europe/Berlin')).toBe('2026-11-19T23:00:00.000Z');
    expect(instantOf('2026-07-20', 'Europe/Berlin')).toBe('2026-07-19T22:00:00.000Z');
    expect(instantOf('2026-11-20', 'America/Los_Angeles')).toBe('2026-11-20T08:00:00.000Z');
    expect(instantOf('2026-11-20', 'Asia/Kolkata')).toBe('2026-11-19T18:30:00.000Z');
  });

  it('takes a date-time without offset as wall-clock time there, across DST changes', () => {
    expect(instantOf('2026-03-29 01:30', 'Europe/Berlin')).toBe('2026-03-29T00:30:00.000Z');
    expect(instantOf('2026-03-29T03:30:00', 'Europe/Berlin')).toBe('2026-03-29T01:30:00.000Z');
    expect(instantOf('2026-11-01T09:00', 'America/New_York')).toBe('2026-11-01T14:00:00.000Z');
  });

  it('takes a value with an offset as written', () => {
    expect(instantOf('2026-11-20T10:00:00+01:00', 'America/Los_Angeles')).toBe('2026-11-20T09:00:00.000Z');
    expect(instantOf('2026-11-20T10:00:00.250Z', 'Europe/Berlin')).toBe('2026-11-20T10:00:00.250Z');
  });

  it('refuses what is not a date', () => {
    for (const text of ['2026-02-30', '20/11/2026', 'yesterday', '2026-11-20T25:00', '']) expect(instantOf(text, 'UTC')).toBeUndefined();
  });
});
