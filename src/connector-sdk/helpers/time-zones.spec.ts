import { dateInZone, ianaZoneOf, localToUtc, startOfDayUtc, UnknownTimeZoneError, utcInstantOf, WINDOWS_TO_IANA } from './time-zones';

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

/** Cases from connectors/csv-attendance/local-date.spec.ts, which this helper replaces (csv-attendance, bamboohr, hibob). */
describe('utcInstantOf (dates as HR systems and spreadsheets write them)', () => {
  it.each([
    // A date-only value: the start of that day in the instance time zone.
    ['2026-11-20', 'UTC', '2026-11-20T00:00:00.000Z'],
    ['2026-11-20', 'Europe/Berlin', '2026-11-19T23:00:00.000Z'],
    ['2026-07-20', 'Europe/Berlin', '2026-07-19T22:00:00.000Z'],
    ['2026-11-20', 'America/Los_Angeles', '2026-11-20T08:00:00.000Z'],
    [' 2026-11-20 ', 'Asia/Kolkata', '2026-11-19T18:30:00.000Z'],
    // A date-time without offset: wall-clock time there, across DST changes.
    ['2026-03-29 01:30', 'Europe/Berlin', '2026-03-29T00:30:00.000Z'],
    ['2026-03-29T03:30:00', 'Europe/Berlin', '2026-03-29T01:30:00.000Z'],
    ['2026-11-01T09:00', 'America/New_York', '2026-11-01T14:00:00.000Z'],
    // Skipped by spring-forward: moved past the gap (02:30 → 03:30 CEST).
    ['2026-03-29 02:30', 'Europe/Berlin', '2026-03-29T01:30:00.000Z'],
    // Twice on fall-back night: the earlier one (02:30 CEST), as localToUtc takes it.
    ['2026-10-25 02:30', 'Europe/Berlin', '2026-10-25T00:30:00.000Z'],
    // With an offset or Z: as written.
    ['2026-11-20T10:00:00+01:00', 'America/Los_Angeles', '2026-11-20T09:00:00.000Z'],
    ['2026-11-20T10:00:00.250Z', 'Europe/Berlin', '2026-11-20T10:00:00.250Z'],
    ['2026-11-20 10:00+0100', 'UTC', '2026-11-20T09:00:00.000Z'],
  ])('%j in %s is %s', (text, zone, expected) => {
    expect(utcInstantOf(text, zone)).toBe(expected);
  });

  it('refuses what is not a date, or a date that does not exist', () => {
    for (const text of ['2026-02-30', '2026-13-01', '20/11/2026', 'yesterday', '2026-11-20T25:00', '2026-11-20T10:60', '']) expect(utcInstantOf(text, 'UTC')).toBeUndefined();
  });
});
