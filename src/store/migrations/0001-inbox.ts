import type { Kysely } from 'kysely';
import type { DatabaseEngine } from '../database';
import { withSeqKey } from './column-types';

/** The inbox: every accepted webhook, raw, before anything else happens to it. */
export function inboxMigration(engine: DatabaseEngine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withSeqKey(db.schema.createTable('inbox'), engine)
        .addColumn('event_id', 'text', (c) => c.notNull().unique())
        .addColumn('instance_id', 'text', (c) => c.notNull())
        .addColumn('event_key', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('raw_body', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text')
        .addColumn('detail', 'text')
        .execute();
      await db.schema.createIndex('inbox_status').on('inbox').columns(['status', 'seq']).execute();

      await withSeqKey(db.schema.createTable('quarantine'), engine)
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('instance_id', 'text', (c) => c.notNull())
        .addColumn('statement', 'text', (c) => c.notNull())
        .addColumn('reasons', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
    },
  };
}
