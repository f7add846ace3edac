import { createHash } from 'node:crypto';
import { RequestRejectedError } from '../../src/connector-sdk';

/**
 * One Moodle event as local_webhooks posts it: Moodle's `$event->get_data()` (ids as numbers or
 * strings, depending on the database driver) plus the plugin's `host`, `token` and `extra`.
 * https://docs.moodle.org/dev/Events_API#Properties
 */
export interface MoodleEvent {
  /** The log id, when a sender adds one; stock local_webhooks does not. */
  id?: string;
  eventname: string;
  component?: string;
  action?: string;
  objectid?: string;
  contextinstanceid?: string;
  courseid?: string;
  userid?: string;
  relateduserid?: string;
  timecreated: number;
  other: Record<string, unknown>;
}

/** Moodle's `completionstate` values (lib/completionlib.php). */
export const COMPLETION = { incomplete: 0, complete: 1, completePass: 2, completeFail: 3 } as const;

/**
 * The fields the mapping uses, checked: a body without an event name or a creation time is not
 * a Moodle event (the sender gets a 422 saying which).
 */
export function readMoodleEvent(body: unknown): MoodleEvent {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new RequestRejectedError(422, 'the body must be one Moodle event object');
  }
  const raw = body as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof raw.eventname !== 'string' || raw.eventname === '') problems.push('eventname is missing');
  const timecreated = Number(raw.timecreated);
  if (raw.timecreated === undefined || raw.timecreated === null || !Number.isInteger(timecreated) || timecreated <= 0) {
    problems.push('timecreated must be a Unix time in seconds');
  }
  if (problems.length > 0) throw new RequestRejectedError(422, 'the body is not a Moodle event', problems);
  const other = raw.other !== null && typeof raw.other === 'object' && !Array.isArray(raw.other) ? (raw.other as Record<string, unknown>) : {};
  return {
    ...(idText(raw.id) ? { id: idText(raw.id) } : {}),
    eventname: raw.eventname as string,
    component: typeof raw.component === 'string' ? raw.component : undefined,
    action: typeof raw.action === 'string' ? raw.action : undefined,
    objectid: idText(raw.objectid),
    contextinstanceid: idText(raw.contextinstanceid),
    courseid: idText(raw.courseid),
    userid: idText(raw.userid),
    relateduserid: idText(raw.relateduserid),
    timecreated,
    other,
  };
}

/** A Moodle id as text; null, '', 0 and non-ids are "absent". */
export function idText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value) && value > 0) return String(value);
  if (typeof value === 'string' && /^\S+$/.test(value) && value !== '0') return value;
  return undefined;
}

/**
 * The dedupe key: Moodle's own event id when the sender includes one, else a hash of the
 * fields that make the event one fact (the same completion posted twice hashes the same).
 */
export function moodleEventKey(event: MoodleEvent): string {
  if (event.id) return `moodle:${event.id}`;
  const fact = [event.eventname, event.objectid ?? '', event.relateduserid ?? '', String(event.timecreated)].join('\n');
  return createHash('sha256').update(fact).digest('hex');
}
