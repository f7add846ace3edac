import { createHash } from 'node:crypto';
import { isRecord, RequestRejectedError } from '../../src/connector-sdk';

/** A Live Event in Canvas format: `metadata` (who, where, when) and `body` (what). */
export interface CanvasEvent {
  metadata: Record<string, unknown> & { event_name: string };
  body: Record<string, unknown>;
}

/** Reads an event from a JSON body or a signed payload's claims; a 422 says what is missing. */
export function readCanvasEvent(value: unknown): CanvasEvent {
  const raw = isRecord(value) ? value : {};
  const metadata = isRecord(raw.metadata) ? raw.metadata : undefined;
  const body = isRecord(raw.body) ? raw.body : undefined;
  const problems = [
    ...(metadata ? [] : ['metadata is missing']),
    ...(typeof metadata?.event_name === 'string' && metadata.event_name !== '' ? [] : ['metadata.event_name is missing']),
    ...(body ? [] : ['body is missing']),
  ];
  if (problems.length > 0) throw new RequestRejectedError(422, 'the payload is not a Canvas Live Event (Canvas format)', problems);
  return { metadata: metadata as CanvasEvent['metadata'], body: body as Record<string, unknown> };
}

/**
 * Canvas ids in Live Events are often global (shard × 10^13 + local id, e.g. 21070000000000565
 * for course 565) while others are local; the URLs learners see use the local id. Both forms
 * are reduced to the local id so one course or person has one IRI.
 */
export function localId(value: unknown): string | undefined {
  const text = typeof value === 'number' && Number.isSafeInteger(value) ? String(value) : typeof value === 'string' ? value.trim() : '';
  if (!/^\d+$/.test(text)) return undefined;
  const id = BigInt(text);
  // Canvas ids are 64-bit: only 14–19 digits can be shard-qualified; anything longer is kept as sent.
  const local = id >= SHARD_FACTOR && text.length <= 19 ? id % SHARD_FACTOR : id;
  return local === 0n ? undefined : local.toString();
}

const SHARD_FACTOR = 10_000_000_000_000n;

/**
 * One key per fact: a grade change by its submission and its own time (a re-grade is a new
 * fact, a redelivery the same one), a submission by its attempt, a completion by its time.
 */
export function canvasEventKey(event: CanvasEvent): string {
  const { metadata, body } = event;
  const name = metadata.event_name;
  switch (name) {
    case 'grade_change':
      return `grade_change:${localId(body.submission_id) ?? '?'}:${text(metadata.event_time) || digest(body)}`;
    case 'submission_created':
      return `submission_created:${localId(body.submission_id) ?? '?'}:${text(body.attempt)}:${text(body.submitted_at)}`;
    case 'course_completed': {
      const course = isRecord(body.course) ? body.course : {};
      const user = isRecord(body.user) ? body.user : {};
      const progress = isRecord(body.progress) ? body.progress : {};
      return `course_completed:${localId(course.id) ?? '?'}:${localId(user.id) ?? '?'}:${text(progress.completed_at ?? metadata.event_time)}`;
    }
    case 'course_progress': {
      const course = isRecord(body.course) ? body.course : {};
      const user = isRecord(body.user) ? body.user : {};
      const progress = isRecord(body.progress) ? body.progress : {};
      return `course_progress:${localId(course.id) ?? '?'}:${localId(user.id) ?? '?'}:${text(progress.requirement_completed_count)}:${text(metadata.event_time)}`;
    }
    default:
      return `${name}:${digest([metadata.event_time ?? null, metadata.request_id ?? null, body])}`;
  }
}

function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex');
}

function text(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}
