import { toUtcTimestamp } from '../../xapi/validation';
import { canonicalJson } from './canonical-json';

type Json = unknown;
type JsonRecord = Record<string, Json>;

/**
 * The part of a statement that "same content" is judged on (xAPI 1.0.3 Data §2.3.1
 * Statement Comparison Requirements; IEEE 9274.1.1 §4.2.7), as canonical JSON.
 * Ignored, because the spec lists them as exceptions to immutability:
 * - what the LRS assigns: id, stored, authority, version (timestamp: see sameStatement);
 * - Activity definitions and Verb displays (not part of the statement);
 * - serialisation: key order, timestamp zone, a single context Activity vs an array,
 *   the order of Group members, the case of the e-mail domain and of hex hashes;
 * - `result.duration` beyond 0.01 s (IEEE 9274.1.1 §4.2.7; harmless for 1.0.x).
 * `includeAttachments: false` compares without `attachments` (for signed statements,
 * whose JWS payload is the statement before the signature was attached).
 */
export function comparableForm(statement: Json, options: { includeAttachments?: boolean } = {}): string {
  const copy = { ...(statement as JsonRecord) };
  for (const key of ['id', 'stored', 'authority', 'version', 'timestamp']) delete copy[key];
  if (options.includeAttachments === false) delete copy.attachments;
  return canonicalJson(comparableStatementBody(copy));
}

/**
 * Same content, by the rules above; `timestamp` counts only when the new statement sent one
 * (the LRS fills it in otherwise), and then as an instant.
 */
export function sameStatement(stored: JsonRecord, sent: JsonRecord, sentTimestamp: boolean): boolean {
  if (comparableForm(stored) !== comparableForm(sent)) return false;
  if (!sentTimestamp) return true;
  return instant(stored.timestamp) === instant(sent.timestamp);
}

function comparableStatementBody(s: JsonRecord): JsonRecord {
  const out: JsonRecord = { ...s };
  if (s.actor !== undefined) out.actor = comparableActor(s.actor);
  if (isRecord(s.verb)) out.verb = { id: s.verb.id };
  if (s.object !== undefined) out.object = comparableObject(s.object);
  if (isRecord(s.context)) out.context = comparableContext(s.context);
  if (isRecord(s.result)) out.result = comparableResult(s.result);
  if (Array.isArray(s.attachments)) out.attachments = s.attachments.map(comparableAttachment);
  if (typeof s.timestamp === 'string') out.timestamp = instant(s.timestamp);
  return out;
}

function comparableObject(object: Json): Json {
  if (!isRecord(object)) return object;
  switch (object.objectType) {
    case undefined:
    case 'Activity':
      return { objectType: 'Activity', id: object.id };
    case 'Agent':
    case 'Group':
      return comparableActor(object);
    case 'SubStatement':
      return comparableStatementBody(object);
    default:
      return object;
  }
}

function comparableActor(actor: Json): Json {
  if (!isRecord(actor)) return actor;
  const out: JsonRecord = { ...actor, objectType: actor.objectType ?? 'Agent' };
  if (typeof actor.mbox === 'string') out.mbox = lowerCaseDomain(actor.mbox);
  if (typeof actor.mbox_sha1sum === 'string') out.mbox_sha1sum = actor.mbox_sha1sum.toLowerCase();
  if (Array.isArray(actor.member)) {
    out.member = actor.member
      .map(comparableActor)
      .map(canonicalJson)
      .sort()
      .map((json) => JSON.parse(json) as Json);
  }
  return out;
}

function comparableContext(context: JsonRecord): JsonRecord {
  const out: JsonRecord = { ...context };
  if (context.instructor !== undefined) out.instructor = comparableActor(context.instructor);
  if (context.team !== undefined) out.team = comparableActor(context.team);
  if (isRecord(context.contextActivities)) {
    const groups: JsonRecord = {};
    for (const [key, value] of Object.entries(context.contextActivities)) {
      groups[key] = (Array.isArray(value) ? value : [value]).map(comparableObject);
    }
    out.contextActivities = groups;
  }
  if (Array.isArray(context.contextAgents)) {
    out.contextAgents = context.contextAgents.map((entry) =>
      isRecord(entry) ? { ...entry, agent: comparableActor(entry.agent) } : entry,
    );
  }
  if (Array.isArray(context.contextGroups)) {
    out.contextGroups = context.contextGroups.map((entry) =>
      isRecord(entry) ? { ...entry, group: comparableActor(entry.group) } : entry,
    );
  }
  return out;
}

function comparableResult(result: JsonRecord): JsonRecord {
  if (typeof result.duration !== 'string') return result;
  return { ...result, duration: truncateDuration(result.duration) };
}

function comparableAttachment(attachment: Json): Json {
  if (!isRecord(attachment) || typeof attachment.sha2 !== 'string') return attachment;
  return { ...attachment, sha2: attachment.sha2.toLowerCase() };
}

/** "PT1.1237S" → "PT1.12S": seconds compared to 0.01 s. */
export function truncateDuration(duration: string): string {
  return duration.replace(/(\d+)[.,](\d+)S$/, (_, whole: string, fraction: string) => {
    const kept = fraction.slice(0, 2).replace(/0+$/, '');
    return kept ? `${whole}.${kept}S` : `${whole}S`;
  });
}

function lowerCaseDomain(mbox: string): string {
  const at = mbox.lastIndexOf('@');
  return at < 0 ? mbox : mbox.slice(0, at) + mbox.slice(at).toLowerCase();
}

function instant(value: Json): Json {
  return typeof value === 'string' ? (toUtcTimestamp(value) ?? value) : value;
}

function isRecord(value: Json): value is JsonRecord {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
