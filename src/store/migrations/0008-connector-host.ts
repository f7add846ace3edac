import type { Kysely } from 'kysely';

/**
 * What the connector host keeps: each instance's key-value state (sync tokens, subscription
 * ids, cursors), and, on the inbox, when a `waiting` event is due to be mapped again (a
 * connector said "later"). The due time lives here, not only in a delayed job, so a restart
 * or a Redis flush loses nothing: the sweeper re-queues what is due.
 */
export const connectorHostMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('connector_state')
      .addColumn('instance_id', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('value', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('connector_state_pk', ['instance_id', 'key'])
      .execute();

    await db.schema.alterTable('inbox').addColumn('due_at', 'text').execute();
    await db.schema.createIndex('inbox_waiting_due').on('inbox').columns(['status', 'due_at']).execute();
  },
};
