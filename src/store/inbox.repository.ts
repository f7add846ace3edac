import { Inject, Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import type { HubDatabase } from './database';
import type { InboxTable } from './database.types';
import { HUB_DATABASE } from './hub-database.token';

export type InboxStatus = 'received' | 'queued' | 'normalized' | 'quarantined' | 'failed';
export type InboxEvent = Selectable<InboxTable>;

export interface NewInboxEvent {
  eventId: string;
  instanceId: string;
  eventKey: string;
  receivedAt: Date;
  rawBody: Buffer;
  contentType: string | undefined;
}

/** The inbox: the durable record of every accepted event, and the truth for dedupe. */
@Injectable()
export class InboxRepository {
  constructor(@Inject(HUB_DATABASE) private readonly database: HubDatabase) {}

  /**
   * Inserts the event as `queued` — intake enqueues it right after, and marks it back
   * `received` if the queue refuses (one commit per webhook, not two) — unless its id is
   * already there; tells which, and the stored status.
   */
  async record(event: NewInboxEvent): Promise<{ duplicate: boolean; status: InboxStatus }> {
    const result = await this.database.db
      .insertInto('inbox')
      .values({
        event_id: event.eventId,
        instance_id: event.instanceId,
        event_key: event.eventKey,
        received_at: event.receivedAt.toISOString(),
        status: 'queued',
        raw_body: event.rawBody.toString('utf8'),
        content_type: event.contentType ?? null,
        detail: null,
      })
      .onConflict((oc) => oc.column('event_id').doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) > 0) return { duplicate: false, status: 'queued' };
    const existing = await this.find(event.eventId);
    return { duplicate: true, status: (existing?.status ?? 'received') as InboxStatus };
  }

  async find(eventId: string): Promise<InboxEvent | undefined> {
    return this.database.db.selectFrom('inbox').selectAll().where('event_id', '=', eventId).executeTakeFirst();
  }

  /**
   * Moves the event between `queued` and `received` only if it is still in `from`: a fast
   * worker may already have moved it further on, and that must not be undone.
   */
  async moveStatus(eventId: string, from: 'queued' | 'received', to: 'queued' | 'received'): Promise<void> {
    await this.database.db.updateTable('inbox').set({ status: to }).where('event_id', '=', eventId).where('status', '=', from).execute();
  }

  async setStatus(eventId: string, status: InboxStatus, detail: string | null = null): Promise<void> {
    await this.database.db.updateTable('inbox').set({ status, detail }).where('event_id', '=', eventId).execute();
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
