import { isoDurationBetween, isoDurationFromSeconds, secondsOfIsoDuration } from './duration';

describe('isoDurationFromSeconds', () => {
  it('writes hours, minutes and seconds, leaving out what is zero', () => {
    expect(isoDurationFromSeconds(5400)).toBe('PT1H30M');
    expect(isoDurationFromSeconds(45)).toBe('PT45S');
    expect(isoDurationFromSeconds(3601)).toBe('PT1H1S');
    expect(isoDurationFromSeconds(0)).toBe('PT0S');
  });

  it('keeps hundredths of a second and no more', () => {
    expect(isoDurationFromSeconds(1.5)).toBe('PT1.5S');
    expect(isoDurationFromSeconds(61.234)).toBe('PT1M1.23S');
  });

  it('refuses a negative or non-finite length rather than invent one', () => {
    expect(() => isoDurationFromSeconds(-1)).toThrow(RangeError);
    expect(() => isoDurationFromSeconds(Number.NaN)).toThrow(RangeError);
  });
});

describe('isoDurationBetween', () => {
  it('is the length from start to end', () => {
    expect(isoDurationBetween('2026-11-27T09:00:00Z', '2026-11-27T10:15:00Z')).toBe('PT1H15M');
    expect(isoDurationBetween(new Date('2026-11-27T09:00:00+01:00'), new Date('2026-11-27T08:30:00Z'))).toBe('PT30M');
  });

  it('refuses an end before the start', () => {
    expect(() => isoDurationBetween('2026-11-27T10:00:00Z', '2026-11-27T09:00:00Z')).toThrow(RangeError);
  });
});

describe('secondsOfIsoDuration', () => {
  it('reads weeks, days, hours, minutes and fractional seconds', () => {
    expect(secondsOfIsoDuration('PT1H30M')).toBe(5400);
    expect(secondsOfIsoDuration('P1DT0.5S')).toBe(86400.5);
    expect(secondsOfIsoDuration('P1W')).toBe(604800);
  });

  it('refuses years and months, which have no fixed length', () => {
    expect(() => secondsOfIsoDuration('P1M')).toThrow(/no fixed length/);
  });

  it('round-trips with isoDurationFromSeconds', () => {
    for (const seconds of [0, 59, 3600, 5400.25]) expect(secondsOfIsoDuration(isoDurationFromSeconds(seconds))).toBe(seconds);
  });
});
