import { Inject, Injectable } from '@nestjs/common';
import { type Kysely, sql } from 'kysely';
import type { HubDatabase } from '../../store/database';
import type { Database } from '../../store/database.types';
import { HUB_DATABASE } from '../../store/hub-database.token';
import type { StatementLinks } from './statement-links';

/** A statement ready to store: the LRS has assigned id, stored, authority and version. */
export interface PreparedStatement {
  id: string;
  stored: string;
  timestamp: string;
  verbId: string;
  registration: string | null;
  voidsId: string | null;
  fullJson: string;
  contentHash: string;
  links: StatementLinks;
}

export interface StatementQuery {
  agentKey?: string;
  relatedAgents?: boolean;
  verbId?: string;
  activityId?: string;
  relatedActivities?: boolean;
  registration?: string;
  since?: string;
  until?: string;
  ascending?: boolean;
  limit: number;
  /** Keyset: continue after this seq (in the query's own order). */
  afterSeq?: number;
}

export interface StoredStatementRow {
  seq: number;
  fullJson: string;
}

/** Same id, other content: the LRS must refuse it (xAPI 1.0.3 §2.1.3, 409). */
export class StatementConflictError extends Error {
  constructor(readonly statementId: string) {
    super(`statement ${statementId} already exists with other content`);
  }
}

/** The statements table and its link tables, on whichever database the hub runs. */
@Injectable()
export class StatementStore {
  constructor(@Inject(HUB_DATABASE) private readonly database: HubDatabase) {}

  /** Stores new statements in one transaction; a repeat with the same content is a no-op. */
  async insert(statements: PreparedStatement[]): Promise<void> {
    if (statements.length === 0) return;
    await this.database.db.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('statements')
        .select(['id', 'content_hash'])
        .where('id', 'in', statements.map((s) => s.id))
        .execute();
      const known = new Map(existing.map((row) => [row.id, row.content_hash]));
      const fresh = statements.filter((s) => {
        const hash = known.get(s.id);
        if (hash !== undefined && hash !== s.contentHash) throw new StatementConflictError(s.id);
        return hash === undefined;
      });
      if (fresh.length === 0) return;

      const inserted = await trx
        .insertInto('statements')
        .values(
          fresh.map((s) => ({
            id: s.id,
            stored: s.stored,
            timestamp: s.timestamp,
            verb_id: s.verbId,
            registration: s.registration,
            voided: 0,
            voids_id: s.voidsId,
            full_json: s.fullJson,
            content_hash: s.contentHash,
          })),
        )
        .returning(['seq', 'id'])
        .execute();
      const seqOf = new Map(inserted.map((row) => [row.id, Number(row.seq)]));
      await insertLinks(trx, fresh, seqOf);

      const voided = fresh.map((s) => s.voidsId).filter((id): id is string => id !== null);
      if (voided.length > 0) await trx.updateTable('statements').set({ voided: 1 }).where('id', 'in', voided).execute();
    });
  }

  async findById(id: string): Promise<{ fullJson: string; voided: boolean } | undefined> {
    const row = await this.database.db
      .selectFrom('statements')
      .select(['full_json', 'voided'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row && { fullJson: row.full_json, voided: row.voided === 1 };
  }

  async query(q: StatementQuery): Promise<StoredStatementRow[]> {
    let query = this.database.db.selectFrom('statements as s').select(['s.seq', 's.full_json']).where('s.voided', '=', 0);
    if (q.verbId) query = query.where('s.verb_id', '=', q.verbId);
    if (q.registration) query = query.where('s.registration', '=', q.registration);
    if (q.since) query = query.where('s.stored', '>', q.since);
    if (q.until) query = query.where('s.stored', '<=', q.until);
    if (q.agentKey) {
      const key = q.agentKey;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('statement_agents as a')
            .select(sql`1`.as('one'))
            .whereRef('a.statement_seq', '=', 's.seq')
            .where('a.agent_key', '=', key)
            .$if(!q.relatedAgents, (sub) => sub.where('a.relation', '=', 'direct')),
        ),
      );
    }
    if (q.activityId) {
      const id = q.activityId;
      query = query.where((eb) =>
        eb.exists(
          eb
            .selectFrom('statement_activities as t')
            .select(sql`1`.as('one'))
            .whereRef('t.statement_seq', '=', 's.seq')
            .where('t.activity_id', '=', id)
            .$if(!q.relatedActivities, (sub) => sub.where('t.relation', '=', 'direct')),
        ),
      );
    }
    if (q.afterSeq !== undefined) query = query.where('s.seq', q.ascending ? '>' : '<', q.afterSeq);
    const rows = await query
      .orderBy('s.seq', q.ascending ? 'asc' : 'desc')
      .limit(q.limit)
      .execute();
    return rows.map((row) => ({ seq: Number(row.seq), fullJson: row.full_json }));
  }
}

async function insertLinks(trx: Kysely<Database>, statements: PreparedStatement[], seqOf: Map<string, number>): Promise<void> {
  const agents = statements.flatMap((s) =>
    s.links.agents.map((a) => ({ statement_seq: seqOf.get(s.id)!, agent_key: a.key, relation: a.relation })),
  );
  const activities = statements.flatMap((s) =>
    s.links.activities.map((a) => ({ statement_seq: seqOf.get(s.id)!, activity_id: a.id, relation: a.relation })),
  );
  if (agents.length > 0) await trx.insertInto('statement_agents').values(agents).execute();
  if (activities.length > 0) await trx.insertInto('statement_activities').values(activities).execute();
}
