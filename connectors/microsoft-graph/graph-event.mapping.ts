import { type AttendeeResponse, type CalendarAttendee, type CalendarOccurrence, originalStartOf } from '../../src/connector-sdk/calendar';
import { ianaZoneOf, localToUtc, startOfDayUtc } from '../../src/connector-sdk/helpers/time-zones';

/** Microsoft Graph `event` (v1.0), the fields the hub reads. */
export interface GraphEvent {
  id: string;
  iCalUId?: string;
  /** The series' UID, the same for every occurrence (where Graph gives it). */
  uid?: string;
  type?: 'singleInstance' | 'occurrence' | 'exception' | 'seriesMaster';
  seriesMasterId?: string | null;
  originalStart?: string | null;
  originalStartTimeZone?: string | null;
  start?: GraphDateTime;
  end?: GraphDateTime;
  isAllDay?: boolean;
  isCancelled?: boolean;
  subject?: string | null;
  categories?: string[];
  changeKey?: string;
  lastModifiedDateTime?: string;
  organizer?: { emailAddress?: GraphEmail };
  attendees?: { type?: 'required' | 'optional' | 'resource'; status?: { response?: string }; emailAddress?: GraphEmail }[];
  locations?: { locationType?: string; locationEmailAddress?: string }[];
}

export interface GraphDateTime {
  /** Local wall clock, `2026-11-03T09:00:00.0000000`. */
  dateTime: string;
  /** Windows (`Pacific Standard Time`) or IANA name; `UTC` when the hub asked with Prefer. */
  timeZone: string;
}

interface GraphEmail {
  name?: string;
  address?: string;
}

/** The source's response names (Graph `responseType`) in the hub's four. */
const RESPONSES: Record<string, AttendeeResponse | undefined> = {
  accepted: 'accepted',
  organizer: 'accepted',
  tentativelyAccepted: 'tentative',
  declined: 'declined',
};

/** A Graph event that cannot be read as an occurrence (no start, a zone nobody knows). */
export class GraphEventError extends Error {}

/**
 * One Graph event (a single instance, an occurrence or an exception) as a calendar occurrence.
 * `uid` is the series' UID (the event's own `uid`, or the series master's `iCalUId`); times are
 * read in the zone Graph names, Windows names included; all-day dates in the instance zone.
 */
export function occurrenceFromGraph(event: GraphEvent, uid: string, calendarId: string, zone: string): CalendarOccurrence {
  if (!event.start || !event.end) throw new GraphEventError(`event ${event.id} has no start or end`);
  const allDay = event.isAllDay === true;
  const start = allDay ? startOfDayUtc(event.start.dateTime.slice(0, 10), zone) : instantOf(event.start);
  const end = allDay ? startOfDayUtc(event.end.dateTime.slice(0, 10), zone) : instantOf(event.end);
  const organizer = personOf(event.organizer?.emailAddress);
  const occurrence: CalendarOccurrence = {
    iCalUID: uid,
    originalStart: originalStartOfGraph(event, allDay, start, zone),
    start: start.toISOString(),
    end: end.toISOString(),
    allDay,
    attendees: (event.attendees ?? []).flatMap((attendee) => attendeeOf(attendee, event)),
    status: event.isCancelled ? 'cancelled' : 'confirmed',
    title: event.subject ?? '',
    categories: event.categories ?? [],
    calendarId,
  };
  if (organizer) occurrence.organizer = organizer;
  if (event.changeKey) occurrence.changeKey = event.changeKey;
  if (event.lastModifiedDateTime) occurrence.modifiedAt = new Date(event.lastModifiedDateTime).toISOString();
  return occurrence;
}

function instantOf(value: GraphDateTime): Date {
  try {
    return localToUtc(value.dateTime, ianaZoneOf(value.timeZone));
  } catch (error) {
    throw new GraphEventError(`cannot read ${value.dateTime} in "${value.timeZone}": ${(error as Error).message}`);
  }
}

/** Graph's `originalStart` is UTC; an all-day occurrence's date is read in its original zone. */
function originalStartOfGraph(event: GraphEvent, allDay: boolean, start: Date, zone: string): string {
  if (!event.originalStart) return originalStartOf(start, allDay, zone);
  if (!allDay) return originalStartOf(event.originalStart, false, zone);
  const originalZone = event.originalStartTimeZone ? safeZone(event.originalStartTimeZone) ?? zone : zone;
  return originalStartOf(event.originalStart, true, originalZone);
}

function safeZone(name: string): string | undefined {
  try {
    return ianaZoneOf(name);
  } catch {
    return undefined;
  }
}

/**
 * Graph calls rooms and equipment both `resource`; a room is one that is also the meeting's
 * conference-room location. Neither ever attends.
 */
function attendeeOf(attendee: NonNullable<GraphEvent['attendees']>[number], event: GraphEvent): CalendarAttendee[] {
  const person = personOf(attendee.emailAddress);
  if (!person) return [];
  const response = RESPONSES[attendee.status?.response ?? ''] ?? 'none';
  if (attendee.type !== 'resource') return [{ ...person, type: 'person', response }];
  const isRoom = (event.locations ?? []).some(
    (l) => l.locationType === 'conferenceRoom' && l.locationEmailAddress?.toLowerCase() === person.email.toLowerCase(),
  );
  return [{ ...person, type: isRoom ? 'room' : 'resource', response }];
}

function personOf(email: GraphEmail | undefined): { email: string; name?: string } | undefined {
  const address = email?.address?.trim();
  if (!address) return undefined;
  return email?.name ? { email: address, name: email.name } : { email: address };
}
