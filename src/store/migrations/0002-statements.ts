import type { Kysely } from 'kysely';
import type { DatabaseEngine } from '../database';
import { withSeqKey } from './column-types';

/**
 * The built-in LRS's statements. `seq` is the keyset for `more` cursors and the order of
 * `stored`; the link tables answer agent/activity filters without scanning JSON, and are
 * written once per statement (no shared agent/activity rows updated in the insert).
 */
export function statementsMigration(engine: DatabaseEngine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withSeqKey(db.schema.createTable('statements'), engine)
        .addColumn('id', 'text', (c) => c.notNull().unique())
        .addColumn('stored', 'text', (c) => c.notNull())
        .addColumn('timestamp', 'text', (c) => c.notNull())
        .addColumn('verb_id', 'text', (c) => c.notNull())
        .addColumn('registration', 'text')
        .addColumn('voided', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('voids_id', 'text')
        .addColumn('full_json', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('statements_verb').on('statements').columns(['verb_id', 'seq']).execute();
      await db.schema.createIndex('statements_registration').on('statements').columns(['registration', 'seq']).execute();
      await db.schema.createIndex('statements_voids').on('statements').column('voids_id').execute();

      await db.schema
        .createTable('statement_agents')
        .addColumn('statement_seq', 'bigint', (c) => c.notNull())
        .addColumn('agent_key', 'text', (c) => c.notNull())
        .addColumn('relation', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('statement_agents_lookup')
        .on('statement_agents')
        .columns(['agent_key', 'relation', 'statement_seq'])
        .execute();

      await db.schema
        .createTable('statement_activities')
        .addColumn('statement_seq', 'bigint', (c) => c.notNull())
        .addColumn('activity_id', 'text', (c) => c.notNull())
        .addColumn('relation', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('statement_activities_lookup')
        .on('statement_activities')
        .columns(['activity_id', 'relation', 'statement_seq'])
        .execute();
    },
  };
}
