import { IcsParseError, occurrencesFromIcs } from './ics';

const window = { from: new Date('2026-10-01T00:00:00Z'), to: new Date('2026-12-31T00:00:00Z') };

function calendar(...events: string[]): string {
  return ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Acme//Test//EN', ...events, 'END:VCALENDAR'].join('\r\n');
}

const SERIES = [
  'BEGIN:VEVENT',
  'UID:series-1@acme.example',
  'DTSTAMP:20261101T000000Z',
  'DTSTART;TZID=Europe/Berlin:20261102T100000',
  'DTEND;TZID=Europe/Berlin:20261102T110000',
  'RRULE:FREQ=WEEKLY;COUNT=4',
  'EXDATE;TZID=Europe/Berlin:20261116T100000',
  'SUMMARY:Coaching Zoë ↔ Ana',
  'SEQUENCE:2',
  'ORGANIZER;CN=Zoë Ökter:mailto:zoe@acme.example',
  'ATTENDEE;CUTYPE=INDIVIDUAL;PARTSTAT=ACCEPTED;CN=Ana Lima:mailto:ana@acme.example',
  'ATTENDEE;CUTYPE=ROOM;PARTSTAT=ACCEPTED;CN=Room 4:mailto:room-4@acme.example',
  'ATTENDEE;CUTYPE=RESOURCE;PARTSTAT=ACCEPTED:mailto:beamer@acme.example',
  'ATTENDEE;CUTYPE=GROUP;PARTSTAT=ACCEPTED:mailto:team@acme.example',
  'ATTENDEE;PARTSTAT=DECLINED:mailto:bo@acme.example',
  'ATTENDEE;PARTSTAT=TENTATIVE:mailto:cy@acme.example',
  'ATTENDEE:mailto:di@acme.example',
  'CATEGORIES:Coaching,Career',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'UID:series-1@acme.example',
  'DTSTAMP:20261101T000000Z',
  'RECURRENCE-ID;TZID=Europe/Berlin:20261109T100000',
  'DTSTART;TZID=Europe/Berlin:20261109T140000',
  'DTEND;TZID=Europe/Berlin:20261109T153000',
  'SUMMARY:Coaching (moved)',
  'SEQUENCE:3',
  'LAST-MODIFIED:20261105T080000Z',
  'END:VEVENT',
].join('\r\n');

describe('occurrencesFromIcs', () => {
  it('expands an RRULE, applies a RECURRENCE-ID override, and turns an EXDATE into a cancelled occurrence', () => {
    const list = occurrencesFromIcs(calendar(SERIES), window, 'UTC');
    expect(list.map((o) => [o.originalStart, o.start, o.end, o.status, o.title, o.sequence])).toEqual([
      ['2026-11-02T09:00:00Z', '2026-11-02T09:00:00.000Z', '2026-11-02T10:00:00.000Z', 'confirmed', 'Coaching Zoë ↔ Ana', 2],
      ['2026-11-09T09:00:00Z', '2026-11-09T13:00:00.000Z', '2026-11-09T14:30:00.000Z', 'confirmed', 'Coaching (moved)', 3],
      ['2026-11-16T09:00:00Z', '2026-11-16T09:00:00.000Z', '2026-11-16T10:00:00.000Z', 'cancelled', 'Coaching Zoë ↔ Ana', 2],
      ['2026-11-23T09:00:00Z', '2026-11-23T09:00:00.000Z', '2026-11-23T10:00:00.000Z', 'confirmed', 'Coaching Zoë ↔ Ana', 2],
    ]);
    expect(list[1].modifiedAt).toBe('2026-11-05T08:00:00.000Z');
  });

  it('keeps the RECURRENCE-ID of an override sent without its series (an update or a cancellation)', () => {
    const override = SERIES.split('END:VEVENT\r\n')[1];
    const [moved] = occurrencesFromIcs(calendar(override), window, 'UTC');
    expect(moved).toMatchObject({ iCalUID: 'series-1@acme.example', originalStart: '2026-11-09T09:00:00Z', start: '2026-11-09T13:00:00.000Z' });
  });

  it('reads CUTYPE and PARTSTAT per attendee; a GROUP is not a person; no CUTYPE means an individual', () => {
    const [first] = occurrencesFromIcs(calendar(SERIES), window, 'UTC');
    expect(first.organizer).toEqual({ email: 'zoe@acme.example', name: 'Zoë Ökter' });
    expect(first.attendees).toEqual([
      { email: 'ana@acme.example', name: 'Ana Lima', type: 'person', response: 'accepted' },
      { email: 'room-4@acme.example', name: 'Room 4', type: 'room', response: 'accepted' },
      { email: 'beamer@acme.example', type: 'resource', response: 'accepted' },
      { email: 'bo@acme.example', type: 'person', response: 'declined' },
      { email: 'cy@acme.example', type: 'person', response: 'tentative' },
      { email: 'di@acme.example', type: 'person', response: 'none' },
    ]);
    expect(first.categories).toEqual(['Coaching', 'Career']);
  });

  it('reads a floating time and an all-day date in the instance zone', () => {
    const text = calendar(
      'BEGIN:VEVENT\r\nUID:float@acme.example\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261103T090000\r\nDTEND:20261103T100000\r\nSUMMARY:Floating\r\nEND:VEVENT',
      'BEGIN:VEVENT\r\nUID:day@acme.example\r\nDTSTAMP:20261101T000000Z\r\nDTSTART;VALUE=DATE:20261104\r\nDTEND;VALUE=DATE:20261105\r\nSUMMARY:Workshop day\r\nEND:VEVENT',
    );
    const [floating, allDay] = occurrencesFromIcs(text, window, 'America/New_York');
    expect(floating).toMatchObject({ originalStart: '2026-11-03T14:00:00Z', start: '2026-11-03T14:00:00.000Z', end: '2026-11-03T15:00:00.000Z', allDay: false });
    expect(allDay).toMatchObject({ originalStart: '2026-11-04', start: '2026-11-04T05:00:00.000Z', end: '2026-11-05T05:00:00.000Z', allDay: true });
  });

  it('keeps only occurrences in the window, and refuses a body that is not iCalendar', () => {
    expect(occurrencesFromIcs(calendar(SERIES), { from: new Date('2026-11-20T00:00:00Z'), to: new Date('2026-11-30T00:00:00Z') }, 'UTC')).toHaveLength(1);
    expect(() => occurrencesFromIcs('hello', window, 'UTC')).toThrow(IcsParseError);
  });
});
