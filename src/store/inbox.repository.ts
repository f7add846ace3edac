import { Inject, Injectable } from '@nestjs/common';
import type { Kysely, Selectable } from 'kysely';
import type { HubDatabase } from './database';
import type { Database, InboxTable } from './database.types';
import { HUB_DATABASE } from './hub-database.token';

export type InboxStatus = 'received' | 'queued' | 'normalized' | 'quarantined' | 'ignored' | 'waiting' | 'failed';
export type InboxEvent = Selectable<InboxTable>;

export interface NewInboxEvent {
  eventId: string;
  instanceId: string;
  eventKey: string;
  receivedAt: Date;
  /** What the connector's `split` made of the request; stored as JSON text. */
  body: unknown;
  /** The request's Content-Type, for an admin reading the row. */
  contentType: string | undefined;
}

export interface RecordedEvent {
  eventId: string;
  duplicate: boolean;
  status: InboxStatus;
}

/** Rows per INSERT: 8 parameters each stays far below SQLite's 32,766 and PostgreSQL's 65,535 bind parameters. */
const INSERT_CHUNK = 500;

function inboxRow(event: NewInboxEvent) {
  return {
    event_id: event.eventId,
    instance_id: event.instanceId,
    event_key: event.eventKey,
    received_at: event.receivedAt.toISOString(),
    status: 'queued',
    raw_body: JSON.stringify(event.body ?? null),
    content_type: event.contentType ?? null,
    detail: null,
  };
}

/** The inbox: the durable record of every accepted event, and the truth for dedupe. */
@Injectable()
export class InboxRepository {
  constructor(@Inject(HUB_DATABASE) private readonly database: HubDatabase) {}

  /**
   * Inserts every event of one request (or scheduled run) in ONE transaction, each as
   * `queued` — intake enqueues them right after, and marks one back `received` if the queue
   * refuses — unless its id is already there; tells which, with the stored status. A repeat
   * inside the same batch is a duplicate of the first. `alsoInTransaction` writes what must be
   * kept with the events or not at all (a scheduled task's cursor).
   */
  async recordAll(events: readonly NewInboxEvent[], alsoInTransaction?: (trx: Kysely<Database>) => Promise<void>): Promise<RecordedEvent[]> {
    if (events.length === 0 && !alsoInTransaction) return [];
    return this.database.db.transaction().execute(async (trx) => {
      await alsoInTransaction?.(trx);
      // Multi-row INSERTs rather than one per event: a group commit holds the rows of many
      // requests, and one round trip per row would serialise them on one connection.
      const inserted = new Set<string>();
      for (let i = 0; i < events.length; i += INSERT_CHUNK) {
        const rows = await trx
          .insertInto('inbox')
          .values(events.slice(i, i + INSERT_CHUNK).map(inboxRow))
          .onConflict((oc) => oc.column('event_id').doNothing())
          .returning('event_id')
          .execute();
        for (const row of rows) inserted.add(row.event_id);
      }
      const repeats = [...new Set(events.map((e) => e.eventId).filter((id) => !inserted.has(id)))];
      const stored = new Map<string, InboxStatus>();
      for (let i = 0; i < repeats.length; i += INSERT_CHUNK) {
        const rows = await trx.selectFrom('inbox').select(['event_id', 'status']).where('event_id', 'in', repeats.slice(i, i + INSERT_CHUNK)).execute();
        for (const row of rows) stored.set(row.event_id, row.status as InboxStatus);
      }
      // An id inserted here is new the first time it appears in the batch, a repeat of a `queued` row after that.
      const firstSeen = new Set<string>();
      return events.map(({ eventId }): RecordedEvent => {
        if (!inserted.has(eventId)) return { eventId, duplicate: true, status: stored.get(eventId) ?? 'received' };
        const duplicate = firstSeen.has(eventId);
        firstSeen.add(eventId);
        return { eventId, duplicate, status: 'queued' };
      });
    });
  }

  async find(eventId: string): Promise<InboxEvent | undefined> {
    return this.database.db.selectFrom('inbox').selectAll().where('event_id', '=', eventId).executeTakeFirst();
  }

  /** Several events in one query (normalize's batched read), in the order asked; undefined where none. */
  async findMany(eventIds: readonly string[]): Promise<(InboxEvent | undefined)[]> {
    if (eventIds.length === 0) return [];
    const rows = await this.database.db.selectFrom('inbox').selectAll().where('event_id', 'in', [...new Set(eventIds)]).execute();
    const byId = new Map(rows.map((row) => [row.event_id, row]));
    return eventIds.map((id) => byId.get(id));
  }

  /**
   * Moves the event between `queued` and `received` only if it is still in `from`: a fast
   * worker may already have moved it further on, and that must not be undone.
   */
  async moveStatus(eventId: string, from: 'queued' | 'received', to: 'queued' | 'received'): Promise<void> {
    await this.database.db.updateTable('inbox').set({ status: to }).where('event_id', '=', eventId).where('status', '=', from).execute();
  }

  async setStatus(eventId: string, status: InboxStatus, detail: string | null = null): Promise<void> {
    await this.database.db.updateTable('inbox').set({ status, detail, due_at: null }).where('event_id', '=', eventId).execute();
  }

  /** The connector said "later": the event waits until `dueAt`, for the reason given. */
  async setWaiting(eventId: string, dueAt: Date, reason: string): Promise<void> {
    await this.database.db
      .updateTable('inbox')
      .set({ status: 'waiting', detail: reason, due_at: dueAt.toISOString() })
      .where('event_id', '=', eventId)
      .execute();
  }

  /** Waiting events whose time has come (their delayed job may have been lost with Redis). */
  async waitingDue(now: Date, limit: number): Promise<InboxEvent[]> {
    return this.database.db
      .selectFrom('inbox')
      .selectAll()
      .where('status', '=', 'waiting')
      .where('due_at', '<=', now.toISOString())
      .orderBy('due_at')
      .limit(limit)
      .execute();
  }

  /** Events, newest first, by instance / status / since / source event key (the admin API). */
  async list(filter: { instance?: string; status?: string; since?: string; eventKey?: string }, limit: number): Promise<InboxEvent[]> {
    let query = this.database.db.selectFrom('inbox').selectAll();
    if (filter.instance) query = query.where('instance_id', '=', filter.instance);
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.since) query = query.where('received_at', '>=', filter.since);
    if (filter.eventKey) query = query.where('event_key', '=', filter.eventKey);
    return query.orderBy('seq', 'desc').limit(limit).execute();
  }

  /** Quarantined events back to `queued`, to be normalized again (after the mapping was fixed); those moved. */
  async requeueQuarantined(eventIds: readonly string[]): Promise<string[]> {
    if (eventIds.length === 0) return [];
    const rows = await this.database.db
      .updateTable('inbox')
      .set({ status: 'queued', detail: null })
      .where('event_id', 'in', [...eventIds])
      .where('status', '=', 'quarantined')
      .returning(['event_id'])
      .execute();
    return rows.map((row) => row.event_id);
  }

  /**
   * Events acknowledged but not normalized after a while: `received` (the queue refused them)
   * or `queued` whose job Redis may have lost (a restart without persistence, a failover).
   */
  async stranded(olderThan: Date, limit: number): Promise<InboxEvent[]> {
    return this.database.db
      .selectFrom('inbox')
      .selectAll()
      .where('status', 'in', ['received', 'queued'])
      .where('received_at', '<', olderThan.toISOString())
      .orderBy('seq')
      .limit(limit)
      .execute();
  }
}
