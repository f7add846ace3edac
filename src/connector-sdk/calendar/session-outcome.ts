import type { Actor, Statement } from '../../xapi/statement';
import { isEmail, mboxOf } from '../helpers/activity-id';
import { isoDurationBetween } from '../helpers/duration';
import { ADL_ACTIVITY_TYPES, ADL_VERBS } from '../helpers/verbs';
import type { KeyedStatement } from '../outcome';
import { statementIdFor, voidingStatement } from '../statement-id';
import { type CalendarAttendee, type CalendarOccurrence, type CalendarPerson, occurrenceKey, sessionActivityId } from './calendar-occurrence';
import { notASessionBecause, type SessionRule } from './session-rule';

/** An `attended` this instance has sent for an occurrence and not voided. */
export interface SentAttendance {
  email: string;
  /** The event that sent it: a re-run of that event sends it again. */
  eventKey: string;
  subKey: string;
  /** `start/end` of the occurrence it reported: a moved occurrence no longer matches. */
  timing: string;
  /**
   * The key its statement id was minted from with `subKey` (attendanceIdKey): the occurrence and
   * its timing, not the event, so two events mapping one occurrence side by side (Graph's
   * `created` and `updated` a moment apart) mint one statement. Absent on records written before
   * it existed: their statements were minted from `eventKey`.
   */
  idKey?: string;
}

/** A void this instance has sent, kept so a re-run of the same event sends the same statement again. */
export interface SentVoid {
  email: string;
  eventKey: string;
  target: { eventKey: string; subKey: string };
  /** The void's timestamp, fixed at first sending so its content (and id) never change. */
  at: string;
}

/** What was sent about one occurrence (state `calendar:sent:<occurrence key>`). */
export interface SentRecord {
  attended: SentAttendance[];
  voids: SentVoid[];
}

export interface SessionMappingOptions extends SessionRule {
  instanceId: string;
  activityBase: string;
  countTentative: boolean;
  lookbackDays: number;
  /** `context.platform`: the source's name (`Microsoft 365`, `Google Calendar`, `ICS feed`). */
  platform: string;
}

export interface OccurrencePlan {
  statements: KeyedStatement[];
  /** The record to keep after these statements are sent. */
  sent: SentRecord;
  /** Set while the occurrence has not ended: when to look again. */
  pendingUntil?: string;
  /** Why nothing new is sent (empty statements and no pendingUntil). */
  reason?: string;
}

/**
 * What one occurrence of one event makes, given what was sent about it before: the
 * calendar rules of issue #7 as one pure decision.
 * - Before it ends: nothing (pendingUntil = end); an `attended` sent for an earlier timing is voided now.
 * - After it ends: `attended` per attendee who accepted (tentative if configured), never rooms,
 *   resources, declined, unanswered or the organizer (the organizer is `context.instructor`);
 *   `result.duration` = its length; timestamp = its start.
 * - A moved occurrence: the old `attended` voided, the new one sent. Cancelled, or no longer a
 *   session, after being reported: every `attended` voided.
 * - Re-running the same event re-sends the same statements (same ids: a no-op at the LRS);
 *   another event for the same occurrence sends only what changed.
 */
export function planOccurrence(
  occurrence: CalendarOccurrence,
  eventKey: string,
  previous: SentRecord | undefined,
  now: Date,
  options: SessionMappingOptions,
): OccurrencePlan {
  const record: SentRecord = previous ?? { attended: [], voids: [] };
  const timing = `${occurrence.start}/${occurrence.end}`;
  const ended = Date.parse(occurrence.end) <= now.getTime();
  const { wanted, reason } = wantedAttendees(occurrence, ended, record, now, options);

  const statements: KeyedStatement[] = record.voids.filter((v) => v.eventKey === eventKey).map((v) => voidOf(v, options.instanceId));
  const keep: SentAttendance[] = [];
  const voids = [...record.voids];
  for (const sent of record.attended) {
    const stillRight = sent.timing === timing && (wanted === 'pending' || wanted.some((a) => sameEmail(a.email, sent.email)));
    if (stillRight) {
      keep.push(sent);
      if (sent.eventKey === eventKey) {
        const attendee = wanted === 'pending' ? undefined : wanted.find((a) => sameEmail(a.email, sent.email));
        if (attendee) statements.push(attended(occurrence, attendee, sent, options));
      }
      continue;
    }
    const voided: SentVoid = { email: sent.email, eventKey, target: { eventKey: sent.idKey ?? sent.eventKey, subKey: sent.subKey }, at: now.toISOString() };
    voids.push(voided);
    statements.push(voidOf(voided, options.instanceId));
  }

  if (wanted === 'pending') {
    return { statements, sent: { attended: keep, voids }, pendingUntil: occurrence.end };
  }
  for (const attendee of wanted) {
    if (keep.some((sent) => sameEmail(sent.email, attendee.email))) continue;
    const subKey = `attended:${occurrenceKey(occurrence)}:${attendee.email.toLowerCase()}`;
    const sent: SentAttendance = { email: attendee.email.toLowerCase(), eventKey, subKey, timing, idKey: attendanceIdKey(occurrence) };
    keep.push(sent);
    statements.push(attended(occurrence, attendee, sent, options));
  }
  const plan: OccurrencePlan = { statements, sent: { attended: keep, voids } };
  if (statements.length === 0) plan.reason = reason ?? 'already reported';
  return plan;
}

function wantedAttendees(
  occurrence: CalendarOccurrence,
  ended: boolean,
  record: SentRecord,
  now: Date,
  options: SessionMappingOptions,
): { wanted: CalendarAttendee[] | 'pending'; reason?: string } {
  if (occurrence.status === 'cancelled') return { wanted: [], reason: 'the occurrence was cancelled' };
  const notSession = notASessionBecause(occurrence, options);
  if (notSession) return { wanted: [], reason: `not a session: ${notSession}` };
  if (!ended) return { wanted: 'pending' };
  const tooOld = Date.parse(occurrence.end) < now.getTime() - options.lookbackDays * 86_400_000;
  if (tooOld && record.attended.length === 0) {
    return { wanted: [], reason: `the occurrence ended more than ${options.lookbackDays} days ago (lookbackDays)` };
  }
  const attending = eligibleAttendees(occurrence, options.countTentative);
  return attending.length > 0 ? { wanted: attending } : { wanted: [], reason: 'no attendee accepted (rooms, resources and the organizer do not count)' };
}

/** People (not rooms or resources) who accepted, tentative ones when configured, minus the organizer; one per e-mail. */
export function eligibleAttendees(occurrence: CalendarOccurrence, countTentative: boolean): CalendarAttendee[] {
  const seen = new Set<string>();
  return occurrence.attendees.filter((attendee) => {
    const email = attendee.email.toLowerCase();
    if (attendee.type !== 'person' || !isEmail(email) || seen.has(email)) return false;
    if (occurrence.organizer && sameEmail(occurrence.organizer.email, email)) return false;
    if (attendee.response !== 'accepted' && !(countTentative && attendee.response === 'tentative')) return false;
    seen.add(email);
    return true;
  });
}

/** What an `attended` statement's id is minted from besides its sub-key: the occurrence as it stood (UID, original start, timing), whichever event reported it. */
export function attendanceIdKey(occurrence: CalendarOccurrence): string {
  return `attendance:${occurrenceKey(occurrence)}@${occurrence.start}/${occurrence.end}`;
}

/** The `attended` of a sent record, with the id it was minted with (see SentAttendance.idKey). */
function attended(occurrence: CalendarOccurrence, attendee: CalendarAttendee, sent: SentAttendance, options: SessionMappingOptions): KeyedStatement {
  const statement = attendedStatement(occurrence, attendee, options);
  return { subKey: sent.subKey, statement: sent.idKey ? { ...statement, id: statementIdFor(options.instanceId, sent.idKey, sent.subKey) } : statement };
}

function attendedStatement(occurrence: CalendarOccurrence, attendee: CalendarAttendee, options: SessionMappingOptions): Statement {
  const title = occurrence.title.trim();
  const instructor = occurrence.organizer && isEmail(occurrence.organizer.email) ? agentOf(occurrence.organizer) : undefined;
  return {
    actor: agentOf(attendee),
    verb: ADL_VERBS.attended,
    object: {
      objectType: 'Activity',
      id: sessionActivityId(options.activityBase, occurrence),
      // The title's language is unknown to the calendar: `und` (RFC 5646 "undetermined").
      definition: { type: ADL_ACTIVITY_TYPES.meeting, ...(title ? { name: { und: title } } : {}) },
    },
    result: { duration: isoDurationBetween(occurrence.start, occurrence.end) },
    context: { platform: options.platform, ...(instructor ? { instructor } : {}) },
    timestamp: occurrence.start,
  };
}

function voidOf(sent: SentVoid, instanceId: string): KeyedStatement {
  return voidingStatement(instanceId, sent.target, agentOf({ email: sent.email }), sent.at);
}

function agentOf(person: CalendarPerson): Actor {
  const name = person.name?.trim();
  return { objectType: 'Agent', mbox: mboxOf(person.email), ...(name ? { name } : {}) };
}

function sameEmail(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}
