import * as ical from 'node-ical';
import { localToUtc, startOfDayUtc } from '../helpers/time-zones';
import type { AttendeeResponse, AttendeeType, CalendarAttendee, CalendarOccurrence, CalendarPerson } from './calendar-occurrence';
import { originalStartOf } from './calendar-occurrence';

/** The span an ICS feed is expanded over (RRULEs can be endless). */
export interface IcsWindow {
  from: Date;
  to: Date;
}

/** The ICS text cannot be read at all (not iCalendar, or broken lines). */
export class IcsParseError extends Error {}

type Stamp = ical.DateWithTimeZone;

/**
 * Every occurrence of every VEVENT in an iCalendar text (RFC 5545) that overlaps `window`:
 * RRULEs expanded, EXDATEs turned into cancelled occurrences (so one already reported is
 * voided), RECURRENCE-ID overrides applied (moved or retitled occurrences keep their original
 * start), PARTSTAT and CUTYPE read per attendee, SEQUENCE and LAST-MODIFIED kept for ordering.
 * Floating times (no TZID, no Z) and all-day dates are read in `zone`, the instance's zone.
 */
export function occurrencesFromIcs(text: string, window: IcsWindow, zone: string): CalendarOccurrence[] {
  if (!/BEGIN:VCALENDAR/i.test(text)) throw new IcsParseError('the body is not an iCalendar file (no BEGIN:VCALENDAR)');
  let parsed: ical.CalendarResponse;
  try {
    parsed = ical.sync.parseICS(text);
  } catch (error) {
    throw new IcsParseError(`the iCalendar file cannot be read: ${(error as Error).message}`);
  }
  const calendarCancelled = /^CANCEL$/i.test(String(parsed.vcalendar?.method ?? ''));
  const occurrences: CalendarOccurrence[] = [];
  for (const component of Object.values(parsed)) {
    if (!component || component.type !== 'VEVENT') continue;
    const event = component as ical.VEvent;
    const instances = ical.expandRecurringEvent(event, { from: window.from, to: window.to, includeOverrides: true, excludeExdates: true, expandOngoing: true });
    for (const instance of instances) {
      const source = instance.event;
      // An override keeps its RECURRENCE-ID, also when the file holds it without its series (an update, a CANCEL).
      const original = source.recurrenceid ?? instance.start;
      occurrences.push(
        occurrenceOf(source, {
          start: instantOf(instance.start, instance.isFullDay, zone, isFloating(source)),
          end: instantOf(instance.end, instance.isFullDay, zone, isFloating(source)),
          allDay: instance.isFullDay,
          originalStart: originalStartOf(instantOf(original, instance.isFullDay, zone, isFloating(source)), instance.isFullDay, zone),
          cancelled: calendarCancelled,
        }),
      );
    }
    occurrences.push(...excludedOccurrences(event, window, zone));
  }
  return occurrences.sort((a, b) => a.start.localeCompare(b.start) || a.iCalUID.localeCompare(b.iCalUID));
}

/** EXDATEs in the window, as cancelled occurrences with the series' length. */
function excludedOccurrences(event: ical.VEvent, window: IcsWindow, zone: string): CalendarOccurrence[] {
  if (!event.rrule || !event.exdate) return [];
  const allDay = event.datetype === 'date';
  const lengthMs = event.end ? event.end.getTime() - event.start.getTime() : allDay ? 86_400_000 : 0;
  const seen = new Set<string>();
  const result: CalendarOccurrence[] = [];
  // node-ical keys each EXDATE twice (by date and by timestamp): take each instant once.
  for (const stamp of Object.values(event.exdate)) {
    const start = instantOf(stamp, allDay, zone, isFloating(event));
    if (seen.has(start.toISOString()) || start > window.to || start.getTime() + lengthMs < window.from.getTime()) continue;
    seen.add(start.toISOString());
    const end = allDay ? startOfDayUtc(dateOf(new Date(stamp.getTime() + lengthMs)), zone) : new Date(start.getTime() + lengthMs);
    result.push(occurrenceOf(event, { start, end, allDay, originalStart: originalStartOf(start, allDay, zone), cancelled: true }));
  }
  return result;
}

function occurrenceOf(
  event: ical.VEvent,
  at: { start: Date; end: Date; allDay: boolean; originalStart: string; cancelled: boolean },
): CalendarOccurrence {
  const organizer = personOf(event.organizer);
  const occurrence: CalendarOccurrence = {
    iCalUID: event.uid,
    originalStart: at.originalStart,
    start: at.start.toISOString(),
    end: at.end.toISOString(),
    allDay: at.allDay,
    attendees: listOf(event.attendee).flatMap(attendeeOf),
    status: at.cancelled || event.status === 'CANCELLED' ? 'cancelled' : 'confirmed',
    title: textOf(event.summary),
    categories: (event.categories ?? []).map((c) => String(c).trim()).filter((c) => c !== ''),
  };
  if (organizer) occurrence.organizer = organizer;
  if (event.sequence !== undefined && Number.isFinite(Number(event.sequence))) occurrence.sequence = Number(event.sequence);
  if (event.lastmodified) occurrence.modifiedAt = event.lastmodified.toISOString();
  return occurrence;
}

/**
 * node-ical gives floating times and all-day dates as the process's local time; their wall
 * clock is read back with the local getters and placed in the instance's zone instead.
 */
function instantOf(stamp: Stamp | Date, allDay: boolean, zone: string, floating: boolean): Date {
  if (allDay) return startOfDayUtc(dateOf(stamp), zone);
  if (!floating) return new Date(stamp.getTime());
  const pad = (n: number) => String(n).padStart(2, '0');
  const local = `${dateOf(stamp)}T${pad(stamp.getHours())}:${pad(stamp.getMinutes())}:${pad(stamp.getSeconds())}`;
  return localToUtc(local, zone);
}

function dateOf(stamp: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${stamp.getFullYear()}-${pad(stamp.getMonth() + 1)}-${pad(stamp.getDate())}`;
}

/** RFC 5545 §3.3.5 form 1: a DATE-TIME with neither TZID nor Z. */
function isFloating(event: ical.VEvent): boolean {
  return event.datetype === 'date-time' && typeof event.start?.tz !== 'string';
}

const CUTYPES: Record<string, AttendeeType | undefined> = { INDIVIDUAL: 'person', UNKNOWN: 'person', ROOM: 'room', RESOURCE: 'resource' };
const PARTSTATS: Record<string, AttendeeResponse | undefined> = { ACCEPTED: 'accepted', TENTATIVE: 'tentative', DECLINED: 'declined' };

/** A GROUP (a mailing list) is not one person: left out. No CUTYPE means INDIVIDUAL (RFC 5545 §3.2.3). */
function attendeeOf(value: ical.Attendee): CalendarAttendee[] {
  const params = typeof value === 'string' ? {} : value.params;
  const type = CUTYPES[String(params.CUTYPE ?? 'INDIVIDUAL').toUpperCase()];
  const person = personOf(value);
  if (!type || !person) return [];
  return [{ ...person, type, response: PARTSTATS[String(params.PARTSTAT ?? '').toUpperCase()] ?? 'none' }];
}

function personOf(value: ical.Organizer | ical.Attendee | undefined): CalendarPerson | undefined {
  if (value === undefined) return undefined;
  const address = typeof value === 'string' ? value : value.val;
  const email = address.replace(/^mailto:/i, '').trim();
  if (email === '') return undefined;
  const name = typeof value === 'string' ? undefined : value.params.CN;
  return name ? { email, name: String(name) } : { email };
}

function listOf<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

function textOf(value: ical.ParameterValue | undefined): string {
  if (value === undefined) return '';
  return typeof value === 'string' ? value : String(value.val);
}
