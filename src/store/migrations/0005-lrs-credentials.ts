import type { Kysely } from 'kysely';
import type { DatabaseEngine } from '../database';
import { withSeqKey } from './column-types';

/**
 * Basic-auth credentials of the built-in LRS. The secret is stored only as a salted scrypt
 * hash; `scopes` (JSON array) are the xAPI 1.0.3 Communication §4.2 scopes; `authority`
 * (JSON) is the Agent stamped on what the credential writes. Revoked rows stay for audit.
 */
export function lrsCredentialsMigration(engine: DatabaseEngine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withSeqKey(db.schema.createTable('lrs_credentials'), engine)
        .addColumn('key', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('secret_hash', 'text', (c) => c.notNull())
        .addColumn('scopes', 'text', (c) => c.notNull())
        .addColumn('authority', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
    },
  };
}
