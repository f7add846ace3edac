import { Inject, Injectable } from '@nestjs/common';
import type { Expression, ExpressionBuilder, Kysely, Selectable, SqlBool } from 'kysely';
import type { HubDatabase } from './database';
import type { Database, OutboxTable } from './database.types';
import { HUB_DATABASE } from './hub-database.token';

export type OutboxRow = Selectable<OutboxTable>;

/** What normalize hands over for one event, written in one transaction. */
export interface NormalizedEventRecord {
  eventId: string;
  instanceId: string;
  /** Where the event's statements go (the instance's destinations). */
  destinations: readonly string[];
  statements: readonly { id?: string }[];
  quarantined: readonly { statement: unknown; issues: unknown[] }[];
}

export interface DeadLetterFilter {
  destination?: string;
  instance?: string;
  reason?: string;
  /** ISO instant: dead letters whose last attempt is at or after it. */
  since?: string;
}

/** Why a dead letter is dead. */
export type DeadReason = 'conflict' | 'rejected' | 'too-large' | 'expired';

export interface DestinationBacklog {
  backlog: number;
  oldestWaitingSince: string | null;
  dead: number;
}

/**
 * The delivery outbox: one row per statement × destination. Statuses:
 * pending (waiting for `next_attempt_at`) → delivering (claimed by a worker until
 * `claimed_until`; a claim past its time is claimable again, so a killed worker's work is
 * never lost) → delivered | dead (a dead letter, with its reason and the LRS's answer) →
 * discarded (an admin gave it up). Replay moves dead back to pending.
 */
@Injectable()
export class OutboxRepository {
  constructor(@Inject(HUB_DATABASE) private readonly database: HubDatabase) {}

  /**
   * The tail of normalize: outbox rows for every statement × destination, quarantine rows
   * (one per event and statement id, so a retry cannot add them twice; rows of an earlier run
   * of the same event are marked resolved) and the inbox status, in one transaction.
   * A row already in the outbox (a replayed or re-normalized event) is kept as it is.
   */
  async recordNormalized(record: NormalizedEventRecord, now = new Date()): Promise<void> {
    await this.recordManyNormalized([record], now);
  }

  /** Several events' tails in one transaction (one commit, one fsync), as normalize's concurrent jobs finish together. */
  async recordManyNormalized(records: readonly NormalizedEventRecord[], now = new Date()): Promise<void> {
    const at = now.toISOString();
    await this.database.db.transaction().execute(async (trx) => {
      const eventIds = records.map((record) => record.eventId);
      await insertOutboxRows(trx, records, at);
      await trx.updateTable('quarantine').set({ resolved_at: at }).where('event_id', 'in', eventIds).where('resolved_at', 'is', null).execute();
      await insertQuarantineRows(trx, records, at);
      const clean = records.filter((record) => record.quarantined.length === 0).map((record) => record.eventId);
      if (clean.length > 0) await trx.updateTable('inbox').set({ status: 'normalized', detail: null }).where('event_id', 'in', clean).execute();
      for (const record of records.filter((r) => r.quarantined.length > 0)) {
        await trx
          .updateTable('inbox')
          .set({ status: 'quarantined', detail: `${record.quarantined.length} statement(s) failed validation: see GET /admin/api/events/${record.eventId}` })
          .where('event_id', '=', record.eventId)
          .execute();
      }
    });
  }

  /**
   * Statements of an already normalized event that were held for an unknown learner and are
   * now released: outbox rows and quarantine rows in one transaction, like normalize's tail,
   * but the event's inbox status and its other quarantine rows stay as they are (the event
   * was settled when its other statements went on).
   */
  async recordReleased(records: readonly NormalizedEventRecord[], now = new Date()): Promise<void> {
    const at = now.toISOString();
    await this.database.db.transaction().execute(async (trx) => {
      await insertOutboxRows(trx, records, at);
      await insertQuarantineRows(trx, records, at);
    });
  }

  /**
   * Claims up to `limit` due rows of a destination for `leaseMs`: pending rows whose time
   * has come, and rows whose claim has run out (their worker died). On PostgreSQL
   * `FOR UPDATE SKIP LOCKED` lets several workers claim side by side; on SQLite the one
   * UPDATE is atomic (SQLite has a single writer), so two claimers never get the same row.
   */
  async claim(destinationId: string, owner: string, limit: number, leaseMs: number, now = new Date()): Promise<OutboxRow[]> {
    const at = now.toISOString();
    const db = this.database.db;
    const due = db
      .selectFrom('outbox')
      .select('seq')
      .where('destination_id', '=', destinationId)
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', at)]),
          eb.and([eb('status', '=', 'delivering'), eb('claimed_until', '<', at)]),
        ]),
      )
      .orderBy('seq')
      .limit(limit)
      .$if(this.database.engine === 'postgres', (qb) => qb.forUpdate().skipLocked());
    const rows = await db
      .updateTable('outbox')
      .set({ status: 'delivering', claim_owner: owner, claimed_until: new Date(now.getTime() + leaseMs).toISOString() })
      .where('seq', 'in', due)
      .returningAll()
      .execute();
    return rows.sort((a, b) => a.seq - b.seq);
  }

  /** Extends a claim while a slow batch is still being worked on. */
  async extendClaim(seqs: readonly number[], owner: string, until: Date): Promise<void> {
    if (seqs.length === 0) return;
    await this.mine(seqs, owner).set({ claimed_until: until.toISOString() }).execute();
  }

  async markDelivered(seqs: readonly number[], owner: string, now = new Date()): Promise<void> {
    if (seqs.length === 0) return;
    const at = now.toISOString();
    await this.mine(seqs, owner)
      .set((eb) => ({
        status: 'delivered',
        delivered_at: at,
        claim_owner: null,
        claimed_until: null,
        attempts: eb('attempts', '+', 1),
        first_attempt_at: eb.fn.coalesce('first_attempt_at', eb.val(at)),
        last_attempt_at: at,
      }))
      .execute();
  }

  /** A failed attempt: counted, with the answer, and due again at `nextAttemptAt`. */
  async reschedule(seqs: readonly number[], owner: string, nextAttemptAt: Date, answer: string, now = new Date()): Promise<void> {
    if (seqs.length === 0) return;
    const at = now.toISOString();
    await this.mine(seqs, owner)
      .set((eb) => ({
        status: 'pending',
        claim_owner: null,
        claimed_until: null,
        next_attempt_at: nextAttemptAt.toISOString(),
        attempts: eb('attempts', '+', 1),
        first_attempt_at: eb.fn.coalesce('first_attempt_at', eb.val(at)),
        last_attempt_at: at,
        last_answer: answer,
      }))
      .execute();
  }

  /** Back to pending without counting an attempt (the destination was paused, or shutting down). */
  async release(seqs: readonly number[], owner: string, answer: string | null = null, now = new Date()): Promise<void> {
    if (seqs.length === 0) return;
    await this.mine(seqs, owner)
      .set((eb) => ({
        status: 'pending',
        claim_owner: null,
        claimed_until: null,
        next_attempt_at: now.toISOString(),
        last_answer: answer === null ? eb.ref('last_answer') : eb.val(answer),
      }))
      .execute();
  }

  async markDead(seqs: readonly number[], owner: string, reason: DeadReason, answer: string, now = new Date()): Promise<void> {
    if (seqs.length === 0) return;
    const at = now.toISOString();
    await this.mine(seqs, owner)
      .set((eb) => ({
        status: 'dead',
        dead_reason: reason,
        claim_owner: null,
        claimed_until: null,
        attempts: eb('attempts', '+', 1),
        first_attempt_at: eb.fn.coalesce('first_attempt_at', eb.val(at)),
        last_attempt_at: at,
        last_answer: answer,
      }))
      .execute();
  }

  /**
   * Pending rows that waited longer than the retry schedule since their first attempt (or,
   * never attempted — the breaker kept them back — since they arrived) become `expired` dead
   * letters; returns them for the log.
   */
  async expireOverdue(destinationId: string, olderThan: Date, now = new Date()): Promise<OutboxRow[]> {
    const cutoff = olderThan.toISOString();
    return this.database.db
      .updateTable('outbox')
      .set((eb) => ({
        status: 'dead',
        dead_reason: 'expired',
        last_answer: eb.fn.coalesce('last_answer', eb.val('never answered')),
        last_attempt_at: now.toISOString(),
      }))
      .where('destination_id', '=', destinationId)
      .where('status', '=', 'pending')
      .where((eb) => eb(eb.fn.coalesce('first_attempt_at', 'created_at'), '<', cutoff))
      .returningAll()
      .execute();
  }

  /** The earliest moment a pending row of the destination falls due, if any. */
  async nextDueAt(destinationId: string): Promise<Date | undefined> {
    const row = await this.database.db
      .selectFrom('outbox')
      .select((eb) => eb.fn.min('next_attempt_at').as('due'))
      .where('destination_id', '=', destinationId)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    return row?.due ? new Date(row.due) : undefined;
  }

  /** Destinations that have rows due now: the sweeper signals them after Redis lost its data. */
  async destinationsWithDueWork(now = new Date()): Promise<string[]> {
    const at = now.toISOString();
    const rows = await this.database.db
      .selectFrom('outbox')
      .select('destination_id')
      .distinct()
      .where((eb) =>
        eb.or([
          eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', at)]),
          eb.and([eb('status', '=', 'delivering'), eb('claimed_until', '<', at)]),
        ]),
      )
      .execute();
    return rows.map((row) => row.destination_id);
  }

  async backlog(destinationId: string): Promise<DestinationBacklog> {
    const db = this.database.db;
    const waiting = await db
      .selectFrom('outbox')
      .select((eb) => [eb.fn.countAll<number>().as('count'), eb.fn.min('created_at').as('oldest')])
      .where('destination_id', '=', destinationId)
      .where('status', 'in', ['pending', 'delivering'])
      .executeTakeFirst();
    const dead = await db
      .selectFrom('outbox')
      .select((eb) => eb.fn.countAll<number>().as('count'))
      .where('destination_id', '=', destinationId)
      .where('status', '=', 'dead')
      .executeTakeFirst();
    return { backlog: Number(waiting?.count ?? 0), oldestWaitingSince: waiting?.oldest ?? null, dead: Number(dead?.count ?? 0) };
  }

  async deadLetters(filter: DeadLetterFilter, limit: number): Promise<OutboxRow[]> {
    return this.database.db
      .selectFrom('outbox')
      .selectAll()
      .where((eb) => deadLetterCondition(eb, filter))
      .orderBy('seq', 'desc')
      .limit(limit)
      .execute();
  }

  async find(seq: number): Promise<OutboxRow | undefined> {
    return this.database.db.selectFrom('outbox').selectAll().where('seq', '=', seq).executeTakeFirst();
  }

  /**
   * Dead letters back to pending, due now, with a fresh retry schedule; the statement id is
   * unchanged, so an LRS that already holds it treats the repeat as the same statement.
   * Returns the destinations touched and how many rows moved.
   */
  async replay(selection: { ids: readonly number[] } | DeadLetterFilter, now = new Date()): Promise<{ count: number; destinations: string[] }> {
    const at = now.toISOString();
    const condition = (eb: ExpressionBuilder<Database, 'outbox'>) =>
      'ids' in selection ? eb.and([eb('status', '=', 'dead'), eb('seq', 'in', [...selection.ids, -1])]) : deadLetterCondition(eb, selection);
    return this.database.db.transaction().execute(async (trx) => {
      const rows = await trx
        .updateTable('outbox')
        .set({ status: 'pending', next_attempt_at: at, attempts: 0, first_attempt_at: at, dead_reason: null })
        .where(condition)
        .returning(['destination_id'])
        .execute();
      return { count: rows.length, destinations: [...new Set(rows.map((row) => row.destination_id))] };
    });
  }

  /** A dead letter given up for good, with the admin's reason. */
  async discard(seq: number, reason: string, now = new Date()): Promise<boolean> {
    const result = await this.database.db
      .updateTable('outbox')
      .set({ status: 'discarded', last_answer: `discarded ${now.toISOString()}: ${reason}` })
      .where('seq', '=', seq)
      .where('status', '=', 'dead')
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }

  async forEvent(eventId: string): Promise<OutboxRow[]> {
    return this.database.db.selectFrom('outbox').selectAll().where('event_id', '=', eventId).orderBy('seq').execute();
  }

  private mine(seqs: readonly number[], owner: string) {
    return this.database.db.updateTable('outbox').where('seq', 'in', [...seqs]).where('claim_owner', '=', owner).where('status', '=', 'delivering');
  }
}

type Transaction = Kysely<Database>;

/** A row per statement × destination; a row already there (a replayed or re-normalized event) is kept as it is. */
async function insertOutboxRows(trx: Transaction, records: readonly NormalizedEventRecord[], at: string): Promise<void> {
  const eventIds = records.map((record) => record.eventId);
  const events = await trx.selectFrom('inbox').select(['event_id', 'received_at']).where('event_id', 'in', eventIds).execute();
  const receivedAt = new Map(events.map((event) => [event.event_id, event.received_at]));
  const rows = records.flatMap((record) =>
    record.destinations.flatMap((destination) =>
      record.statements.map((statement) => ({
        destination_id: destination,
        statement_id: String(statement.id),
        event_id: record.eventId,
        instance_id: record.instanceId,
        statement: JSON.stringify(statement),
        status: 'pending' as const,
        attempts: 0,
        next_attempt_at: at,
        received_at: receivedAt.get(record.eventId) ?? at,
        created_at: at,
      })),
    ),
  );
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('outbox')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['destination_id', 'statement_id']).doNothing())
      .execute();
  }
}

/** One quarantine row per event and statement id, so a retry cannot add it twice. */
async function insertQuarantineRows(trx: Transaction, records: readonly NormalizedEventRecord[], at: string): Promise<void> {
  const quarantineRows = records.flatMap((record) =>
    record.quarantined.map((item) => ({
      event_id: record.eventId,
      instance_id: record.instanceId,
      statement_id: String((item.statement as { id?: unknown }).id ?? ''),
      statement: JSON.stringify(item.statement),
      reasons: JSON.stringify(item.issues),
      created_at: at,
    })),
  );
  if (quarantineRows.length === 0) return;
  await trx
    .insertInto('quarantine')
    .values(quarantineRows)
    .onConflict((oc) =>
      oc.columns(['event_id', 'statement_id']).doUpdateSet((eb) => ({
        reasons: eb.ref('excluded.reasons'),
        statement: eb.ref('excluded.statement'),
        resolved_at: null,
      })),
    )
    .execute();
}

function deadLetterCondition(eb: ExpressionBuilder<Database, 'outbox'>, filter: DeadLetterFilter): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = [eb('status', '=', 'dead')];
  if (filter.destination) parts.push(eb('destination_id', '=', filter.destination));
  if (filter.instance) parts.push(eb('instance_id', '=', filter.instance));
  if (filter.reason) parts.push(eb('dead_reason', '=', filter.reason));
  if (filter.since) parts.push(eb('last_attempt_at', '>=', filter.since));
  return eb.and(parts);
}
