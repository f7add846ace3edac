import { type Kysely, sql } from 'kysely';
import type { DatabaseEngine } from '../database';

/**
 * Statement resource, second step:
 * - `object_ref_id`: the Statement a StatementRef object targets, so filters can follow
 *   targeting statements (xAPI 1.0.3 Communication §2.1.3 "Filter Conditions for StatementRefs");
 * - `authority_key`: the authority's identifier, for `statements/read/mine` credentials;
 * - `attachments`: attachment bytes, one row per SHA-2 (the same file sent twice is kept once).
 */
export function statementAttachmentsMigration(engine: DatabaseEngine) {
  const bytes = engine === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await db.schema.alterTable('statements').addColumn('object_ref_id', 'text').execute();
      await db.schema.alterTable('statements').addColumn('authority_key', 'text').execute();
      await db.schema.createIndex('statements_object_ref').on('statements').column('object_ref_id').execute();
      // The few statements that target another, in order: the StatementRef half of a filtered query.
      await db.schema.createIndex('statements_targeting').on('statements').column('seq').where(sql.ref('object_ref_id'), 'is not', null).execute();
      await db.schema.createIndex('statements_authority').on('statements').columns(['authority_key', 'seq']).execute();

      await db.schema
        .createTable('attachments')
        .addColumn('sha2', 'text', (c) => c.primaryKey())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('length', 'integer', (c) => c.notNull())
        .addColumn('content', bytes, (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
