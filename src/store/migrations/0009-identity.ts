import type { Kysely } from 'kysely';
import type { DatabaseEngine } from '../database';
import { withSeqKey } from './column-types';

/**
 * The identity directory and privacy (issue 9):
 * - `people`: one row per learner, with the canonical actor every source's identity resolves to;
 * - `person_identities`: every identifier a person is known by, as a normalised key that is
 *   unique across people — one identifier can never point at two learners;
 * - `identity_directory_version`: one row, bumped by every directory write, so each process's
 *   cache knows when to reload without a look-up per statement;
 * - `held_statements`: statements of actors the directory did not know, for instances that hold them;
 * - `erasure_audit`: who erased, when and how many rows per kind — never whom;
 * - `job_leases`: which process runs a periodic job (retention) until when.
 */
export function identityMigration(engine: DatabaseEngine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withSeqKey(db.schema.createTable('people'), engine)
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('actor', 'text', (c) => c.notNull())
        .addColumn('name', 'text')
        .addColumn('attributes', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('person_identities')
        .addColumn('identity_key', 'text', (c) => c.primaryKey())
        .addColumn('person_id', 'text', (c) => c.notNull())
        .addColumn('identity', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('person_identities_person').on('person_identities').column('person_id').execute();

      await db.schema
        .createTable('identity_directory_version')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('version', 'bigint', (c) => c.notNull())
        .execute();
      await (db as Kysely<{ identity_directory_version: { id: number; version: number } }>)
        .insertInto('identity_directory_version')
        .values({ id: 1, version: 0 })
        .execute();

      await withSeqKey(db.schema.createTable('held_statements'), engine)
        .addColumn('instance_id', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text')
        .addColumn('identity_key', 'text', (c) => c.notNull())
        .addColumn('statement_key', 'text', (c) => c.notNull())
        .addColumn('statement', 'text', (c) => c.notNull())
        .addColumn('held_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('held_statements_identity').on('held_statements').column('identity_key').execute();
      // A normalize job that runs twice holds each statement once.
      await db.schema.createIndex('held_statements_unique').on('held_statements').columns(['instance_id', 'statement_key']).unique().execute();

      await withSeqKey(db.schema.createTable('erasure_audit'), engine)
        .addColumn('erased_at', 'text', (c) => c.notNull())
        .addColumn('requested_by', 'text', (c) => c.notNull())
        .addColumn('counts', 'text', (c) => c.notNull())
        .addColumn('external_destinations', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('job_leases')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('holder', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();

      // Retention deletes by age: these keep it from scanning.
      await db.schema.createIndex('inbox_received_at').on('inbox').column('received_at').execute();
      // 0011-query-indexes creates it too (branches merged in either order): whichever runs first makes it.
      await db.schema.createIndex('statements_stored').ifNotExists().on('statements').column('stored').execute();
      await db.schema.createIndex('statement_agents_seq').on('statement_agents').column('statement_seq').execute();
      await db.schema.createIndex('statement_activities_seq').on('statement_activities').column('statement_seq').execute();
    },
  };
}
