import { type Kysely, sql } from 'kysely';
import type { DatabaseEngine } from '../database';
import { withSeqKey } from './column-types';

/**
 * The delivery outbox (one row per statement × destination, written in the transaction that
 * marks its event normalized), each destination's shared state (paused, breaker), and a
 * unique key on quarantine so a retried normalize cannot write its rows twice.
 */
export function deliveryOutboxMigration(engine: DatabaseEngine) {
  return {
    async up(db: Kysely<unknown>): Promise<void> {
      await withSeqKey(db.schema.createTable('outbox'), engine)
        .addColumn('destination_id', 'text', (c) => c.notNull())
        .addColumn('statement_id', 'text', (c) => c.notNull())
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('instance_id', 'text', (c) => c.notNull())
        .addColumn('statement', 'text', (c) => c.notNull())
        // pending → delivering → delivered | dead (→ discarded); see OutboxRepository.
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('next_attempt_at', 'text', (c) => c.notNull())
        .addColumn('claim_owner', 'text')
        .addColumn('claimed_until', 'text')
        .addColumn('first_attempt_at', 'text')
        .addColumn('last_attempt_at', 'text')
        .addColumn('last_answer', 'text')
        .addColumn('dead_reason', 'text')
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('delivered_at', 'text')
        .execute();
      // One row per statement and destination: a replayed or re-normalized event reuses it.
      await db.schema.createIndex('outbox_destination_statement').unique().on('outbox').columns(['destination_id', 'statement_id']).execute();
      await db.schema.createIndex('outbox_due').on('outbox').columns(['destination_id', 'status', 'next_attempt_at']).execute();
      await db.schema.createIndex('outbox_event').on('outbox').columns(['event_id']).execute();
      await db.schema.createIndex('outbox_dead').on('outbox').columns(['status', 'last_attempt_at']).execute();

      await db.schema
        .createTable('destination_state')
        .addColumn('destination_id', 'text', (c) => c.primaryKey())
        // active | paused
        .addColumn('state', 'text', (c) => c.notNull())
        // admin | credentials | endpoint: who paused it, and so who may resume it
        .addColumn('paused_by', 'text')
        .addColumn('paused_reason', 'text')
        // closed | open (half-open once open_until has passed: one probe)
        .addColumn('breaker', 'text', (c) => c.notNull())
        .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('open_until', 'text')
        .addColumn('last_error', 'text')
        .addColumn('last_error_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      // Quarantine: keep one row per (event, statement id); a retry of normalize used to add another.
      await db.schema.alterTable('quarantine').addColumn('statement_id', 'text', (c) => c.notNull().defaultTo('')).execute();
      await db.schema.alterTable('quarantine').addColumn('resolved_at', 'text').execute();
      await sql`delete from quarantine where seq not in (select min(seq) from quarantine group by event_id, statement)`.execute(db);
      await sql`update quarantine set statement_id = 'row-' || seq`.execute(db);
      await db.schema.createIndex('quarantine_event_statement').unique().on('quarantine').columns(['event_id', 'statement_id']).execute();
    },
  };
}
