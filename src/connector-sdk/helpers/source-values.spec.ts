import { MappingError } from '../connector';
import { isRecord, requireTimestamp, urlUnder, utcTimestampOf, withoutTrailingSlash } from './source-values';

describe('isRecord', () => {
  it('is true for a JSON object only', () => {
    expect(isRecord({ a: 1 })).toBe(true);
    expect(isRecord({})).toBe(true);
    for (const value of [null, undefined, [], [1], 'x', 3, true]) expect(isRecord(value)).toBe(false);
  });
});

describe('utcTimestampOf / requireTimestamp', () => {
  it('writes a date-time with an offset back in UTC', () => {
    expect(utcTimestampOf('2025-11-27T11:59:58+01:00')).toBe('2025-11-27T10:59:58.000Z');
    expect(requireTimestamp('2025-11-27T10:00:00.512Z', 'created_at')).toBe('2025-11-27T10:00:00.512Z');
  });

  it('has none for what is not a date-time text, and requireTimestamp names the field', () => {
    for (const value of ['yesterday', '', 1764237600, null, undefined, {}]) expect(utcTimestampOf(value)).toBeUndefined();
    expect(() => requireTimestamp('yesterday', 'completed_at')).toThrow(new MappingError('completed_at "yesterday" is not a date-time'));
    expect(() => requireTimestamp(undefined, 'event_time')).toThrow('event_time undefined is not a date-time');
  });
});

describe('withoutTrailingSlash / urlUnder', () => {
  it('joins a configured base and a path with exactly one slash', () => {
    expect(withoutTrailingSlash('https://acme.thinkific.com//')).toBe('https://acme.thinkific.com');
    expect(withoutTrailingSlash('https://acme.thinkific.com')).toBe('https://acme.thinkific.com');
    expect(urlUnder('https://graph.microsoft.com/v1.0/', '/users/zoe/events')).toBe('https://graph.microsoft.com/v1.0/users/zoe/events');
    expect(urlUnder('https://www.googleapis.com/calendar/v3', 'calendars/primary/events')).toBe('https://www.googleapis.com/calendar/v3/calendars/primary/events');
  });
});
