import { compareVersions, occurrenceKey, originalStartOf, sessionActivityId } from './calendar-occurrence';

describe('calendar occurrence ids', () => {
  it('names a session by UID and original start, the same whichever form the source gave the start in', () => {
    const fromGoogle = originalStartOf('2026-11-02T10:00:00+01:00', false, 'UTC');
    const fromGraph = originalStartOf('2026-11-02T09:00:00.0000000Z', false, 'UTC');
    const fromIcs = originalStartOf(new Date(Date.UTC(2026, 10, 2, 9)), false, 'UTC');
    expect(new Set([fromGoogle, fromGraph, fromIcs])).toEqual(new Set(['2026-11-02T09:00:00Z']));
    const base = 'https://calendar.acme.example/sessions';
    expect(sessionActivityId(base, { iCalUID: 'abc@google.com', originalStart: fromGoogle })).toBe(
      'https://calendar.acme.example/sessions/abc%40google.com/20261102T090000Z',
    );
    expect(occurrenceKey({ iCalUID: 'abc', originalStart: '2026-11-04' })).toBe('abc/20261104');
  });

  it('takes the date of an all-day occurrence in the instance zone', () => {
    expect(originalStartOf('2026-11-04', true, 'UTC')).toBe('2026-11-04');
    expect(originalStartOf(new Date('2026-11-03T23:00:00Z'), true, 'Europe/Berlin')).toBe('2026-11-04');
  });

  it('orders versions by SEQUENCE, then by modification time', () => {
    expect(compareVersions({ sequence: 2 }, { sequence: 1, modifiedAt: '2030-01-01T00:00:00Z' })).toBeGreaterThan(0);
    expect(compareVersions({ sequence: 1, modifiedAt: '2026-11-01T00:00:00Z' }, { sequence: 1, modifiedAt: '2026-11-02T00:00:00Z' })).toBeLessThan(0);
    expect(compareVersions({}, {})).toBe(0);
  });
});
