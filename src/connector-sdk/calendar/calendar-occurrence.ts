import { activityIdFrom } from '../helpers/activity-id';
import { dateInZone } from '../helpers/time-zones';

export type AttendeeType = 'person' | 'room' | 'resource';
export type AttendeeResponse = 'accepted' | 'tentative' | 'declined' | 'none';

export interface CalendarPerson {
  email: string;
  name?: string;
}

export interface CalendarAttendee extends CalendarPerson {
  type: AttendeeType;
  response: AttendeeResponse;
}

/**
 * One occurrence of a calendar event, the same shape whichever source it came from
 * (Microsoft Graph, Google Calendar, an ICS file), so one rule and one mapping serve all three.
 */
export interface CalendarOccurrence {
  /** RFC 5545 UID: the same for every occurrence of a series, and across Google, Graph and ICS. */
  iCalUID: string;
  /**
   * When the series scheduled this occurrence (RFC 5545 RECURRENCE-ID, Graph `originalStart`,
   * Google `originalStartTime`); the start for a single event. `2026-11-02T09:00:00Z` (UTC,
   * whole seconds) or, for an all-day occurrence, the date `2026-11-04`. Never changes when
   * the occurrence is moved: with the UID it names the session (originalStartOf builds it).
   */
  originalStart: string;
  /** ISO 8601 UTC. */
  start: string;
  end: string;
  allDay: boolean;
  organizer?: CalendarPerson;
  attendees: CalendarAttendee[];
  status: 'confirmed' | 'cancelled';
  /** RFC 5545 SEQUENCE (Google `sequence`); with modifiedAt it orders versions of one occurrence. */
  sequence?: number;
  /** Graph `changeKey` or Google `etag`: the source's version tag, when it has one. */
  changeKey?: string;
  /** ISO 8601 UTC: LAST-MODIFIED, Graph `lastModifiedDateTime`, Google `updated`. */
  modifiedAt?: string;
  title: string;
  categories: string[];
  calendarId?: string;
}

/** An `originalStart` from an instant (timed) or a calendar date (all-day, in `zone`). */
export function originalStartOf(value: Date | string, allDay: boolean, zone: string): string {
  if (allDay) {
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return value;
    return dateInZone(new Date(value), zone);
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`"${String(value)}" is not a date-time`);
  return `${instant.toISOString().slice(0, 19)}Z`;
}

/** `<UID>/<original start, RFC 5545 basic form>`: one session, whichever source reported it. */
export function occurrenceKey(occurrence: Pick<CalendarOccurrence, 'iCalUID' | 'originalStart'>): string {
  return `${occurrence.iCalUID}/${compactStart(occurrence.originalStart)}`;
}

/**
 * The session's activity id: `<base>/<UID, escaped>/<original start>`, e.g.
 * `https://calendar.acme.example/sessions/040000008200E00074C5B7101A82E008/20261102T090000Z`
 * (all-day: `…/20261104`). Only source-independent facts go in, so Google, Graph and ICS
 * instances sharing one `activityBase` name a session with one IRI.
 */
export function sessionActivityId(base: string, occurrence: Pick<CalendarOccurrence, 'iCalUID' | 'originalStart'>): string {
  return activityIdFrom(base, occurrence.iCalUID, compactStart(occurrence.originalStart));
}

function compactStart(originalStart: string): string {
  return originalStart.replace(/[-:]/g, '');
}

/** Newer-than for two versions of one occurrence: SEQUENCE first, then the modification time. */
export function compareVersions(a: Pick<CalendarOccurrence, 'sequence' | 'modifiedAt'>, b: Pick<CalendarOccurrence, 'sequence' | 'modifiedAt'>): number {
  const bySequence = (a.sequence ?? 0) - (b.sequence ?? 0);
  if (bySequence !== 0) return bySequence;
  const at = a.modifiedAt ? Date.parse(a.modifiedAt) : 0;
  const bt = b.modifiedAt ? Date.parse(b.modifiedAt) : 0;
  return at - bt;
}
