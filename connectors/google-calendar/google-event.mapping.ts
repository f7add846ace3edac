import { type AttendeeResponse, type CalendarOccurrence, originalStartOf } from '../../src/connector-sdk/calendar';
import { startOfDayUtc } from '../../src/connector-sdk/helpers/time-zones';

/** Google Calendar API v3 `Event`, the fields the hub reads (events.list with singleEvents=true). */
export interface GoogleEvent {
  id: string;
  etag?: string;
  status?: 'confirmed' | 'tentative' | 'cancelled';
  summary?: string;
  updated?: string;
  iCalUID?: string;
  sequence?: number;
  recurringEventId?: string;
  start?: GoogleTime;
  end?: GoogleTime;
  originalStartTime?: GoogleTime;
  organizer?: { email?: string; displayName?: string; self?: boolean };
  attendees?: { email?: string; displayName?: string; organizer?: boolean; self?: boolean; resource?: boolean; optional?: boolean; responseStatus?: string }[];
}

/** `dateTime` (RFC 3339 with offset) for a timed event, `date` (`2026-11-04`) for an all-day one. */
export interface GoogleTime {
  dateTime?: string;
  date?: string;
  timeZone?: string;
}

const RESPONSES: Record<string, AttendeeResponse | undefined> = { accepted: 'accepted', tentative: 'tentative', declined: 'declined' };

/**
 * One Google event instance as a calendar occurrence. Google gives every instance of a series the
 * series' `iCalUID` and the instance's `originalStartTime`; timed values carry their offset, and
 * all-day dates are placed in the instance's zone. Undefined for an item with no times (a
 * cancelled instance as incremental sync sends it: only id, status and originalStartTime).
 */
export function occurrenceFromGoogle(event: GoogleEvent, calendarId: string, zone: string): CalendarOccurrence | undefined {
  if (!event.start || !event.end || !event.iCalUID) return undefined;
  const allDay = event.start.date !== undefined;
  const start = instantOf(event.start, zone);
  const end = instantOf(event.end, zone);
  const original = event.originalStartTime ?? event.start;
  const occurrence: CalendarOccurrence = {
    iCalUID: event.iCalUID,
    originalStart: originalStartOf(original.date ?? original.dateTime ?? start.toISOString(), allDay, zone),
    start: start.toISOString(),
    end: end.toISOString(),
    allDay,
    attendees: (event.attendees ?? []).flatMap((a) =>
      a.email ? [{ email: a.email, ...(a.displayName ? { name: a.displayName } : {}), type: a.resource ? ('resource' as const) : ('person' as const), response: RESPONSES[a.responseStatus ?? ''] ?? 'none' }] : [],
    ),
    status: event.status === 'cancelled' ? 'cancelled' : 'confirmed',
    title: event.summary ?? '',
    categories: [],
    calendarId,
  };
  if (event.organizer?.email) occurrence.organizer = { email: event.organizer.email, ...(event.organizer.displayName ? { name: event.organizer.displayName } : {}) };
  if (event.sequence !== undefined) occurrence.sequence = event.sequence;
  if (event.etag) occurrence.changeKey = event.etag;
  if (event.updated) occurrence.modifiedAt = new Date(event.updated).toISOString();
  return occurrence;
}

function instantOf(time: GoogleTime, zone: string): Date {
  if (time.date) return startOfDayUtc(time.date, zone);
  return new Date(time.dateTime ?? Number.NaN);
}
