import { randomUUID } from 'node:crypto';
import type { Actor, Context, Statement, SubStatement } from '../../xapi/statement';
import { toUtcTimestamp } from '../../xapi/validation';
import type { XapiVersion } from '../../xapi/xapi-version';
import { agentKey } from './agent-key';
import { statementLinks, type StatementLinks } from './statement-links';

export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';

/** What the LRS itself sets on a statement it accepts (xAPI 1.0.3 §2.4.7–2.4.10). */
export interface StoringContext {
  stored: Date;
  authority: Actor;
  version: XapiVersion;
}

/** A statement ready to store: the LRS has assigned id, stored, authority and version. */
export interface PreparedStatement {
  id: string;
  stored: string;
  timestamp: string;
  verbId: string;
  registration: string | null;
  /** The statement this one voids, when its verb is `voided`. */
  voidsId: string | null;
  /** The statement its StatementRef object targets, if any. */
  objectRefId: string | null;
  authorityKey: string | null;
  /** The statement as the LRS returns it. */
  full: Statement;
  fullJson: string;
  /** Whether the client sent a timestamp (else it is `stored`, and not compared). */
  sentTimestamp: boolean;
  links: StatementLinks;
}

/**
 * Fills in what the LRS owns — id when absent, `stored`, `timestamp` defaulting to
 * `stored`, `authority` from the credential, `version` (1.0.0 for 1.0.x: Data §2.4.10.s3.b3)
 * — and normalises what the spec lets it: timestamps in UTC with milliseconds (Data §4.5),
 * a single context Activity as an array (Data §2.4.6.2). Then derives the indexed columns.
 */
export function prepareStatement(sent: Statement, context: StoringContext): PreparedStatement {
  const stored = context.stored.toISOString();
  const sentTimestamp = typeof sent.timestamp === 'string';
  const full: Statement = {
    ...sent,
    id: (sent.id ?? randomUUID()).toLowerCase(),
    timestamp: sentTimestamp ? utc(sent.timestamp!) : stored,
    stored,
    authority: context.authority,
    version: sent.version ?? (context.version === '2.0.0' ? '2.0.0' : '1.0.0'),
  };
  if (sent.context) full.context = normalizeContext(sent.context);
  if (sent.object.objectType === 'SubStatement') full.object = normalizeSubStatement(sent.object);

  const isVoiding = full.verb.id === VOIDED_VERB && full.object.objectType === 'StatementRef';
  const objectRefId = full.object.objectType === 'StatementRef' ? full.object.id.toLowerCase() : null;
  return {
    id: full.id!,
    stored,
    timestamp: full.timestamp!,
    verbId: full.verb.id,
    registration: full.context?.registration?.toLowerCase() ?? null,
    voidsId: isVoiding ? objectRefId : null,
    objectRefId,
    authorityKey: agentKey(context.authority) ?? null,
    full,
    fullJson: JSON.stringify(full),
    sentTimestamp,
    links: statementLinks(full),
  };
}

function normalizeSubStatement(sub: SubStatement): SubStatement {
  const out: SubStatement = { ...sub };
  if (typeof sub.timestamp === 'string') out.timestamp = utc(sub.timestamp);
  if (sub.context) out.context = normalizeContext(sub.context);
  return out;
}

function normalizeContext(context: Context): Context {
  const groups = context.contextActivities;
  if (!groups) return context;
  const arrays: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(groups)) arrays[key] = Array.isArray(value) ? value : [value];
  return { ...context, contextActivities: arrays };
}

function utc(timestamp: string): string {
  return toUtcTimestamp(timestamp) ?? timestamp;
}
