import { Inject, Injectable } from '@nestjs/common';
import type { ExpressionBuilder, Transaction } from 'kysely';
import type { HubDatabase } from '../../store/database';
import type { Database } from '../../store/database.types';
import { HUB_DATABASE } from '../../store/hub-database.token';
import type { DocumentAddress, DocumentContent, DocumentScope, StoredDocument } from './document-address';
import { etagOf } from './document-content';

/** What a write decides to do, given the document as it is inside the transaction. */
export type WriteDecision = { put: DocumentContent } | { delete: true } | { keep: true };

/** Another writer created the same document between our read and our insert. */
class LostInsertRace extends Error {}

const MAX_ATTEMPTS = 3;

/**
 * The documents table. Every write is read-decide-write inside one transaction: the row is
 * read `FOR UPDATE` on PostgreSQL, so an ETag check and the write it guards are atomic;
 * SQLite runs one transaction at a time on the hub's single connection. A create that loses
 * the race to a concurrent create is retried, and then sees the winner's document.
 */
@Injectable()
export class DocumentStore {
  constructor(@Inject(HUB_DATABASE) private readonly database: HubDatabase) {}

  async find(address: DocumentAddress): Promise<StoredDocument | undefined> {
    const row = await this.database.db
      .selectFrom('documents')
      .where(byAddress(address))
      .select(['content', 'content_type', 'etag', 'updated'])
      .executeTakeFirst();
    return row && toStored(row);
  }

  /** The ids in a scope changed after `since` (all when undefined), and the newest change. */
  async listIds(scope: DocumentScope, since?: string): Promise<{ ids: string[]; lastModified?: string }> {
    const rows = await this.database.db
      .selectFrom('documents')
      .where(byScope(scope))
      .$if(since !== undefined, (q) => q.where('updated', '>', since!))
      .select(['document_id', 'updated'])
      .orderBy('document_id')
      .execute();
    const lastModified = rows.reduce<string | undefined>((newest, r) => (newest === undefined || r.updated > newest ? r.updated : newest), undefined);
    return { ids: [...new Set(rows.map((r) => r.document_id))], lastModified };
  }

  /**
   * Reads the document, lets `decide` choose (it may throw to refuse: nothing is written),
   * and applies the choice, atomically. Returns the document as it now stands.
   */
  async write(address: DocumentAddress, decide: (current: StoredDocument | undefined) => WriteDecision): Promise<StoredDocument | undefined> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.database.db.transaction().execute((trx) => this.writeIn(trx, address, decide));
      } catch (error) {
        if (!(error instanceof LostInsertRace) || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  async deleteScope(scope: DocumentScope): Promise<number> {
    const result = await this.database.db.deleteFrom('documents').where(byScope(scope)).executeTakeFirst();
    return Number(result.numDeletedRows);
  }

  private async writeIn(
    trx: Transaction<Database>,
    address: DocumentAddress,
    decide: (current: StoredDocument | undefined) => WriteDecision,
  ): Promise<StoredDocument | undefined> {
    const row = await trx
      .selectFrom('documents')
      .where(byAddress(address))
      .select(['seq', 'content', 'content_type', 'etag', 'updated'])
      .$if(this.database.engine === 'postgres', (q) => q.forUpdate())
      .executeTakeFirst();
    const current = row && toStored(row);
    const decision = decide(current);
    if ('keep' in decision) return current;
    if ('delete' in decision) {
      if (row) await trx.deleteFrom('documents').where('seq', '=', row.seq).execute();
      return undefined;
    }

    const next: StoredDocument = {
      content: decision.put.content,
      contentType: decision.put.contentType,
      etag: etagOf(decision.put.content),
      updated: nextUpdated(current?.updated),
    };
    const values = { content: next.content, content_type: next.contentType, etag: next.etag, updated: next.updated };
    if (row) {
      await trx.updateTable('documents').set(values).where('seq', '=', row.seq).execute();
      return next;
    }
    const inserted = await trx
      .insertInto('documents')
      .values({
        kind: address.kind,
        activity_id: address.activityId,
        agent_key: address.agentKey,
        registration: address.registration,
        document_id: address.documentId,
        ...values,
      })
      .onConflict((oc) => oc.columns(['kind', 'activity_id', 'agent_key', 'registration', 'document_id']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) throw new LostInsertRace();
    return next;
  }
}

/** A change's time, strictly after the previous one so Last-Modified always moves forward. */
function nextUpdated(previous: string | undefined): string {
  const now = new Date();
  if (previous !== undefined && now.toISOString() <= previous) return new Date(Date.parse(previous) + 1).toISOString();
  return now.toISOString();
}

interface DocumentRow {
  content: Buffer | Uint8Array;
  content_type: string;
  etag: string;
  updated: string;
}

function toStored(row: DocumentRow): StoredDocument {
  return { content: Buffer.from(row.content), contentType: row.content_type, etag: row.etag, updated: row.updated };
}

/** The filter that selects one address. */
function byAddress(a: DocumentAddress) {
  return (eb: ExpressionBuilder<Database, 'documents'>) =>
    eb.and({ kind: a.kind, activity_id: a.activityId, agent_key: a.agentKey, registration: a.registration, document_id: a.documentId });
}

/** The filter that selects a scope (the registration only when given). */
function byScope(s: DocumentScope) {
  return (eb: ExpressionBuilder<Database, 'documents'>) =>
    eb.and({
      kind: s.kind,
      activity_id: s.activityId,
      agent_key: s.agentKey,
      ...(s.registration === undefined ? {} : { registration: s.registration }),
    });
}
