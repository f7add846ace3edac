import { dateInZone, ianaZoneOf, localToUtc, startOfDayUtc, UnknownTimeZoneError, WINDOWS_TO_IANA } from './time-zones';

describe('time zones', () => {
  it('maps Windows zone names to IANA with the CLDR table, and keeps IANA names', () => {
    expect(ianaZoneOf('Pacific Standard Time')).toBe('America/Los_Angeles');
    expect(ianaZoneOf('W. Europe Standard Time')).toBe('Europe/Berlin');
    expect(ianaZoneOf('Romance Standard Time')).toBe('Europe/Paris');
    expect(ianaZoneOf('Tokyo Standard Time')).toBe('Asia/Tokyo');
    expect(ianaZoneOf('tzone://Microsoft/Utc')).toBe('UTC');
    expect(ianaZoneOf('Europe/Lisbon')).toBe('Europe/Lisbon');
    expect(() => ianaZoneOf('Mars Standard Time')).toThrow(UnknownTimeZoneError);
  });

  it('has the whole CLDR table, and every zone in it is one the runtime knows', () => {
    expect(Object.keys(WINDOWS_TO_IANA).length).toBeGreaterThan(130);
    for (const zone of Object.values(WINDOWS_TO_IANA)) expect(() => ianaZoneOf(zone)).not.toThrow();
  });

  it('turns a local time into UTC with the offset in force that day (daylight saving)', () => {
    expect(localToUtc('2026-07-01T09:00:00', 'Pacific Standard Time').toISOString()).toBe('2026-07-01T16:00:00.000Z');
    expect(localToUtc('2026-12-01T09:00:00.0000000', 'Pacific Standard Time').toISOString()).toBe('2026-12-01T17:00:00.000Z');
    expect(localToUtc('2026-11-02T10:00:00', 'Europe/Berlin').toISOString()).toBe('2026-11-02T09:00:00.000Z');
    expect(localToUtc('2026-11-02T10:00:00', 'UTC').toISOString()).toBe('2026-11-02T10:00:00.000Z');
  });

  it('moves a time skipped by spring-forward past the gap, and takes the earlier of an ambiguous hour', () => {
    // 2026-03-08 02:30 does not exist in Los Angeles; RFC 5545 reads it as 03:30 PDT.
    expect(localToUtc('2026-03-08T02:30:00', 'America/Los_Angeles').toISOString()).toBe('2026-03-08T10:30:00.000Z');
    // 2026-11-01 01:30 happens twice; the first is still PDT (UTC−7).
    expect(localToUtc('2026-11-01T01:30:00', 'America/Los_Angeles').toISOString()).toBe('2026-11-01T08:30:00.000Z');
  });

  it('places all-day dates in the configured zone, and reads the date of an instant there', () => {
    expect(startOfDayUtc('2026-11-04', 'Asia/Tokyo').toISOString()).toBe('2026-11-03T15:00:00.000Z');
    expect(dateInZone(new Date('2026-11-03T15:00:00Z'), 'Asia/Tokyo')).toBe('2026-11-04');
    expect(() => startOfDayUtc('4 Nov', 'UTC')).toThrow(RangeError);
    expect(() => localToUtc('2026-11-02T10:00:00Z', 'UTC')).toThrow(RangeError);
  });
});
