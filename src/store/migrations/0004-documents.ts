import type { Kysely } from 'kysely';
import type { DatabaseEngine } from '../database';
import { withSeqKey } from './column-types';

/**
 * The built-in LRS's documents (State, Activity Profile, Agent Profile: xAPI 1.0.3
 * Communication §2.2–2.7) and the Activity definitions it has learnt from statements.
 *
 * A document is keyed by kind + activity + agent + registration + id. Absent parts are
 * stored as '' rather than NULL so that one unique index holds on both engines (NULLs
 * never collide in a unique index). The content is kept as bytes: documents may be any
 * media type, and a JSON document comes back exactly as it was sent.
 */
export function documentsMigration(engine: DatabaseEngine) {
  const bytes = engine === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withSeqKey(db.schema.createTable('documents'), engine)
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('activity_id', 'text', (c) => c.notNull())
        .addColumn('agent_key', 'text', (c) => c.notNull())
        .addColumn('registration', 'text', (c) => c.notNull())
        .addColumn('document_id', 'text', (c) => c.notNull())
        .addColumn('content', bytes, (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('etag', 'text', (c) => c.notNull())
        .addColumn('updated', 'text', (c) => c.notNull())
        .execute();
      // Its prefix (kind, activity, agent[, registration]) also answers the multiple-document GET
      // and DELETE of every kind: a profile's unused part is always ''.
      await db.schema
        .createIndex('documents_key')
        .on('documents')
        .columns(['kind', 'activity_id', 'agent_key', 'registration', 'document_id'])
        .unique()
        .execute();

      // The merged definition of each Activity, folded from statements after they are stored
      // (never inside the statement insert: no hot shared rows there).
      await db.schema
        .createTable('activity_definitions')
        .addColumn('activity_id', 'text', (c) => c.primaryKey())
        .addColumn('definition_json', 'text', (c) => c.notNull())
        .addColumn('folded_seq', 'bigint', (c) => c.notNull())
        .execute();
    },
  };
}
