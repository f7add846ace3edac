import type { StatementQuery } from './statement-store';

/**
 * The `more` link's token: the query plus the last row's seq, so the next page continues
 * exactly after it (keyset) — new statements arriving meanwhile neither repeat nor shift rows.
 */
export function encodeMoreToken(query: StatementQuery, afterSeq: number): string {
  return Buffer.from(JSON.stringify({ ...query, afterSeq }), 'utf8').toString('base64url');
}

export function decodeMoreToken(token: string): StatementQuery | undefined {
  try {
    const query = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as StatementQuery;
    return typeof query.limit === 'number' && typeof query.afterSeq === 'number' ? query : undefined;
  } catch {
    return undefined;
  }
}
