import { STATEMENT_FORMATS } from './statement-format';
import type { StatementOutput, StatementQuery } from './statement-query-params';

export interface MoreCursor {
  query: StatementQuery;
  output: StatementOutput;
}

/**
 * The `more` link's token: the query, the output options and the last row's seq, so the
 * next page continues exactly after it (keyset) — statements arriving meanwhile neither
 * repeat nor shift rows.
 */
export function encodeMoreToken(cursor: MoreCursor, afterSeq: number): string {
  const { authorityKey: _mine, ...query } = cursor.query; // re-applied from the credential on read
  return Buffer.from(JSON.stringify({ q: { ...query, afterSeq }, o: cursor.output }), 'utf8').toString('base64url');
}

export function decodeMoreToken(token: string): MoreCursor | undefined {
  try {
    const { q, o } = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { q?: StatementQuery; o?: StatementOutput };
    if (!q || !o || typeof q.limit !== 'number' || typeof q.afterSeq !== 'number') return undefined;
    if (!(STATEMENT_FORMATS as readonly string[]).includes(o.format) || typeof o.attachments !== 'boolean') return undefined;
    return { query: q, output: o };
  } catch {
    return undefined;
  }
}
