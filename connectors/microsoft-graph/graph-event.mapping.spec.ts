import { type GraphEvent, GraphEventError, occurrenceFromGraph } from './graph-event.mapping';

const base: GraphEvent = {
  id: 'AAMk1=',
  iCalUId: 'uid-1',
  type: 'singleInstance',
  start: { dateTime: '2026-03-08T01:30:00.0000000', timeZone: 'Pacific Standard Time' },
  end: { dateTime: '2026-03-08T03:30:00.0000000', timeZone: 'Pacific Standard Time' },
  subject: 'Coaching',
  attendees: [
    { type: 'required', status: { response: 'accepted' }, emailAddress: { name: 'Ana', address: 'ana@acme.example' } },
    { type: 'optional', status: { response: 'tentativelyAccepted' }, emailAddress: { address: 'cy@acme.example' } },
    { type: 'required', status: { response: 'notResponded' }, emailAddress: { address: 'di@acme.example' } },
    { type: 'resource', status: { response: 'accepted' }, emailAddress: { address: 'room@acme.example' } },
    { type: 'resource', status: { response: 'accepted' }, emailAddress: { address: 'beamer@acme.example' } },
    { type: 'required', status: { response: 'accepted' }, emailAddress: { name: 'no address' } },
  ],
  locations: [{ locationType: 'conferenceRoom', locationEmailAddress: 'ROOM@acme.example' }],
};

describe('occurrenceFromGraph', () => {
  it('reads local times in a Windows zone across a DST change (PST → PDT on 8 March)', () => {
    const occurrence = occurrenceFromGraph(base, 'uid-1', 'zoe', 'UTC');
    expect(occurrence).toMatchObject({ start: '2026-03-08T09:30:00.000Z', end: '2026-03-08T10:30:00.000Z', originalStart: '2026-03-08T09:30:00Z' });
  });

  it('tells a conference room from equipment, maps responses, and drops attendees without an address', () => {
    expect(occurrenceFromGraph(base, 'uid-1', 'zoe', 'UTC').attendees).toEqual([
      { email: 'ana@acme.example', name: 'Ana', type: 'person', response: 'accepted' },
      { email: 'cy@acme.example', type: 'person', response: 'tentative' },
      { email: 'di@acme.example', type: 'person', response: 'none' },
      { email: 'room@acme.example', type: 'room', response: 'accepted' },
      { email: 'beamer@acme.example', type: 'resource', response: 'accepted' },
    ]);
  });

  it("keeps an occurrence's originalStart, and reads an all-day one's date in its original zone", () => {
    const moved = { ...base, type: 'exception' as const, originalStart: '2026-03-09T17:00:00Z' };
    expect(occurrenceFromGraph(moved, 'series', 'zoe', 'UTC').originalStart).toBe('2026-03-09T17:00:00Z');
    const allDay: GraphEvent = {
      ...base,
      isAllDay: true,
      type: 'occurrence',
      originalStart: '2026-03-10T07:00:00Z',
      originalStartTimeZone: 'Pacific Standard Time',
      start: { dateTime: '2026-03-10T00:00:00.0000000', timeZone: 'UTC' },
      end: { dateTime: '2026-03-11T00:00:00.0000000', timeZone: 'UTC' },
    };
    expect(occurrenceFromGraph(allDay, 'series', 'zoe', 'Europe/Berlin')).toMatchObject({ originalStart: '2026-03-10', start: '2026-03-09T23:00:00.000Z', allDay: true });
  });

  it('refuses a zone nobody knows, naming it', () => {
    const odd = { ...base, start: { dateTime: '2026-03-08T01:30:00', timeZone: 'Mars Standard Time' } };
    expect(() => occurrenceFromGraph(odd, 'uid-1', 'zoe', 'UTC')).toThrow(GraphEventError);
    expect(() => occurrenceFromGraph(odd, 'uid-1', 'zoe', 'UTC')).toThrow(/Mars Standard Time/);
  });
});
