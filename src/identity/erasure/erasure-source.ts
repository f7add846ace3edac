import type { Transaction } from 'kysely';
import type { Database } from '../../store/database.types';
import type { Identity } from '../identity.types';
import type { RawMatcher } from './raw-match';

/** Whom an erasure is about: the person (when the directory knows them) and every identifier. */
export interface ErasureSubject {
  personId?: string;
  identities: Identity[];
  /** Directory identity keys (identity-key.ts). */
  identityKeys: string[];
  /** How the built-in LRS keys these agents (src/lrs/statements/agent-key.ts)… */
  agentKeys: string[];
  /** …and its e-mail keys in lower case: the LRS keys an mbox as sent, and case does not make another person. */
  mboxAgentKeys: string[];
  raw: RawMatcher[];
}

/** What one source would erase: counts per kind, and the deletion itself. */
export interface ErasurePlan {
  counts: Record<string, number>;
  erase(): Promise<void>;
}

/**
 * One place personal data lives. The erasure service plans every source inside one
 * transaction, answers the counts (dry run), and only then erases them all — so the counts of
 * a dry run are the counts of the real one. Adding a place is one class implementing this,
 * listed in ERASURE_SOURCE_TYPES (erasure.providers.ts).
 */
export interface ErasureSource {
  plan(subject: ErasureSubject, trx: Transaction<Database>): Promise<ErasurePlan>;
}

/** Rows to go, matched on a lower-cased LIKE pre-filter and then exactly (raw-match.ts). */
export function likePattern(needle: string): string {
  return `%${needle.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
