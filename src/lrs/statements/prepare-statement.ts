import { createHash, randomUUID } from 'node:crypto';
import type { Actor, Statement } from '../../xapi/statement';
import type { XapiVersion } from '../../xapi/xapi-version';
import { canonicalJson } from './canonical-json';
import type { PreparedStatement } from './statement-store';
import { statementLinks } from './statement-links';

export const VOIDED_VERB = 'http://adlnet.gov/expapi/verbs/voided';

/** What the LRS itself sets on a statement it accepts (xAPI 1.0.3 §2.4.7–2.4.10). */
export interface StoringContext {
  stored: Date;
  authority: Actor;
  version: XapiVersion;
}

/**
 * Fills in what the LRS owns — id when absent, `stored`, `timestamp` defaulting to
 * `stored`, `authority` from the credential, `version` — and derives the indexed columns.
 * The content hash covers the statement as sent, so a resend is recognised as the same.
 */
export function prepareStatement(sent: Statement, context: StoringContext): PreparedStatement {
  const { stored: _s, authority: _a, version: _v, id: _i, ...content } = sent;
  const stored = context.stored.toISOString();
  const full: Statement = {
    ...sent,
    id: sent.id ?? randomUUID(),
    timestamp: sent.timestamp ?? stored,
    stored,
    authority: context.authority,
    version: sent.version ?? (context.version === '2.0.0' ? '2.0.0' : '1.0.0'),
  };
  const isVoiding = full.verb.id === VOIDED_VERB && full.object.objectType === 'StatementRef';
  return {
    id: full.id!,
    stored,
    timestamp: full.timestamp!,
    verbId: full.verb.id,
    registration: full.context?.registration ?? null,
    voidsId: isVoiding ? (full.object as { id: string }).id : null,
    fullJson: JSON.stringify(full),
    contentHash: createHash('sha256').update(canonicalJson(content)).digest('hex'),
    links: statementLinks(full),
  };
}
