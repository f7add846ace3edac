import { type Expression, type ExpressionBuilder, sql, type SqlBool } from 'kysely';
import type { Database } from '../../store/database.types';
import { type ErasureSubject, likePattern } from './erasure-source';
import type { RawMatcher } from './raw-match';

/** `lower(column) LIKE '%needle%'` for each matcher, OR-ed: the database narrows, raw-match decides. */
export function anyNeedle<T extends keyof Database>(eb: ExpressionBuilder<Database, T>, column: string, matchers: readonly RawMatcher[]): Expression<SqlBool> {
  return eb.or(matchers.map((m) => sql<SqlBool>`lower(${sql.ref(column)}) like ${likePattern(m.needle)} escape '\\'`));
}

/** An `agent_key` column (statement links, documents) that is one of the subject's agents. */
export function agentKeyMatches<T extends keyof Database>(eb: ExpressionBuilder<Database, T>, subject: ErasureSubject): Expression<SqlBool> {
  const ref = sql.ref('agent_key');
  return eb.or([
    ...(subject.agentKeys.length > 0 ? [sql<SqlBool>`${ref} in (${sql.join(subject.agentKeys)})`] : []),
    ...(subject.mboxAgentKeys.length > 0 ? [sql<SqlBool>`lower(${ref}) in (${sql.join(subject.mboxAgentKeys)})`] : []),
  ]);
}
