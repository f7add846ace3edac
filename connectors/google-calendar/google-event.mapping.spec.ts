import { occurrenceFromGoogle } from './google-event.mapping';

describe('occurrenceFromGoogle', () => {
  const instance = {
    id: 'abc_20261109T090000Z',
    iCalUID: 'abc@google.com',
    status: 'confirmed' as const,
    summary: 'Coaching',
    sequence: 2,
    updated: '2026-11-05T08:00:00.000Z',
    start: { dateTime: '2026-11-09T16:00:00+01:00' },
    end: { dateTime: '2026-11-09T17:00:00+01:00' },
    originalStartTime: { dateTime: '2026-11-09T10:00:00+01:00' },
    attendees: [
      { email: 'ana@acme.example', responseStatus: 'accepted' },
      { email: 'room@resource.calendar.google.com', resource: true, responseStatus: 'accepted' },
      { email: 'bo@acme.example', responseStatus: 'needsAction' },
    ],
  };

  it('keeps the series UID and the original start of a moved instance; offsets become UTC', () => {
    expect(occurrenceFromGoogle(instance, 'zoe@acme.example', 'UTC')).toMatchObject({
      iCalUID: 'abc@google.com',
      originalStart: '2026-11-09T09:00:00Z',
      start: '2026-11-09T15:00:00.000Z',
      end: '2026-11-09T16:00:00.000Z',
      sequence: 2,
      modifiedAt: '2026-11-05T08:00:00.000Z',
      calendarId: 'zoe@acme.example',
      attendees: [
        { email: 'ana@acme.example', type: 'person', response: 'accepted' },
        { email: 'room@resource.calendar.google.com', type: 'resource', response: 'accepted' },
        { email: 'bo@acme.example', type: 'person', response: 'none' },
      ],
    });
  });

  it('places all-day dates in the instance zone, and gives nothing for a bare cancellation', () => {
    const allDay = { ...instance, start: { date: '2026-11-04' }, end: { date: '2026-11-05' }, originalStartTime: undefined };
    expect(occurrenceFromGoogle(allDay, 'c', 'Asia/Tokyo')).toMatchObject({ originalStart: '2026-11-04', start: '2026-11-03T15:00:00.000Z', allDay: true });
    expect(occurrenceFromGoogle({ id: 'abc_1', status: 'cancelled' }, 'c', 'UTC')).toBeUndefined();
  });
});
