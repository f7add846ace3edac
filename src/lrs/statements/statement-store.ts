import { Inject, Injectable } from '@nestjs/common';
import { type Kysely, type RawBuilder, sql } from 'kysely';
import type { HubDatabase } from '../../store/database';
import type { Database } from '../../store/database.types';
import { HUB_DATABASE } from '../../store/hub-database.token';
import type { AttachmentContent } from '../attachments/attachment-parts';
import { AttachmentStore } from '../attachments/attachment-store';
import type { PreparedStatement } from './prepare-statement';
import { sameStatement } from './statement-equivalence';
import { writeStatementRows } from './statement-rows';
import { consistentThrough, inStatementWrite } from './write-watermark';
import type { StatementQuery } from './statement-query-params';

export interface StoredStatementRow {
  seq: number;
  fullJson: string;
  stored: string;
}

/** Same id, other content: the LRS must refuse it (xAPI 1.0.3 Communication §2.1.2, 409). */
export class StatementConflictError extends Error {
  constructor(readonly statementId: string) {
    super(`statement ${statementId} already exists with other content`);
  }
}

/** A voiding statement that targets a voiding statement (xAPI 1.0.3 Data §2.3.2: it cannot be voided). */
export class VoidingVoidError extends Error {
  constructor(
    readonly statementId: string,
    readonly targetId: string,
  ) {
    super(`statement ${statementId} voids ${targetId}, which is itself a voiding statement and cannot be voided`);
  }
}

/**
 * How many StatementRef hops a filter follows (Communication §2.1.3 "Filter Conditions for
 * StatementRefs" applies recursively; chains longer than this are not matched).
 */
export const MAX_REF_DEPTH = 4;

/** What one insert did: the statements as prepared (with their `stored`), and which of them were new. */
export interface InsertedBatch {
  statements: PreparedStatement[];
  freshIds: string[];
}

/** The statements table and its link tables, on whichever database the hub runs. */
@Injectable()
export class StatementStore {
  constructor(@Inject(HUB_DATABASE) private readonly database: HubDatabase) {}

  /**
   * Stores a batch in one transaction, with its attachment bytes. `batch` makes the
   * statements once the write has its `stored` instant (see write-watermark.ts: that is what
   * keeps Consistent-Through right across processes). A statement whose id is stored with
   * the same content is a no-op; with other content the whole batch fails. Voiding marks the
   * target (whichever of the two arrives first); no shared agent or activity rows are touched.
   * Returns the statements as prepared, and the ids it newly stored (the others were held already).
   */
  async insert(batch: (stored: Date) => PreparedStatement[], attachments: readonly AttachmentContent[] = []): Promise<InsertedBatch> {
    return inStatementWrite(this.database, async (trx, stored) => {
      const statements = batch(stored);
      if (statements.length === 0) return { statements, freshIds: [] };
      await refuseVoidingOfVoiding(trx, statements);
      const { seqOf, voidedEarlier } = await writeStatementRows(trx, this.database.engine, statements);
      const fresh = statements.filter((s) => seqOf.has(s.id));
      await refuseConflicts(
        trx,
        statements.filter((s) => !seqOf.has(s.id)),
      );
      if (fresh.length === 0) return { statements, freshIds: [] };

      await markVoided(trx, fresh, voidedEarlier);
      await AttachmentStore.insert(trx, attachments, fresh[0].stored);
      return { statements, freshIds: fresh.map((s) => s.id) };
    });
  }

  /** X-Experience-API-Consistent-Through for a read starting now, across every process on this database. */
  consistentThrough(): Promise<string> {
    return consistentThrough(this.database);
  }

  async findById(id: string): Promise<{ fullJson: string; voided: boolean; stored: string; authorityKey: string | null } | undefined> {
    const row = await this.database.db
      .selectFrom('statements')
      .select(['full_json', 'voided', 'stored', 'authority_key'])
      .where('id', '=', id)
      .executeTakeFirst();
    return row && { fullJson: row.full_json, voided: row.voided === 1, stored: row.stored, authorityKey: row.authority_key };
  }

  /**
   * Statements matching the query, newest first unless ascending, after the keyset cursor.
   * Voided statements never match; a statement whose StatementRef targets a matching one does
   * (Communication §2.1.3). Filtered queries are the union of two index-driven halves — the
   * statements that match themselves, and the (few) targeting statements whose target matches —
   * each already limited, so neither half scans the table.
   */
  async query(q: StatementQuery): Promise<StoredStatementRow[]> {
    const rows = await this.selectFor(q).execute();
    return rows.map((row) => ({ seq: Number(row.seq), fullJson: row.full_json, stored: row.stored }));
  }

  /** The SELECT `query` runs, unexecuted: the plan tests EXPLAIN it. */
  selectFor(q: StatementQuery) {
    const db = this.database.db;
    const order = q.ascending ? 'asc' : 'desc';
    let selected;
    if (!ownCondition(q, 's', 'driving')) {
      selected = db.selectFrom('statements as s').select('s.seq').where(windowOf(q, 's.seq')).orderBy('s.seq', order).limit(q.limit);
    } else {
      const targeting = db
        .selectFrom('statements as s')
        .select('s.seq')
        .where(windowOf(q, 's.seq'))
        .where('s.object_ref_id', 'is not', null)
        .where(targetMatches(q, 's', MAX_REF_DEPTH))
        .orderBy('s.seq', order)
        .limit(q.limit);
      selected = db
        .selectFrom(this.matching(q).as('m'))
        .select('m.seq')
        .union(db.selectFrom(targeting.as('r')).select('r.seq'));
    }
    return db
      .selectFrom('statements as s')
      .select(['s.seq', 's.full_json', 's.stored'])
      .where('s.seq', 'in', selected)
      .orderBy('s.seq', order)
      .limit(q.limit);
  }

  /**
   * The statements that match the filters themselves, already limited. With an agent, that
   * agent's link rows drive it in seq order — through `(agent_key, verb_id, statement_seq,
   * relation)` when a verb is given too — so the scan stops at the page whatever the agent's
   * history (migration 0011); without one, the statements table does.
   */
  private matching(q: StatementQuery) {
    const db = this.database.db;
    const order = q.ascending ? 'asc' : 'desc';
    if (!q.agentKey) {
      return db
        .selectFrom('statements as s')
        .select('s.seq')
        .where(windowOf(q, 's.seq'))
        .where(ownCondition(q, 's', 'driving')!)
        .orderBy('s.seq', order)
        .limit(q.limit);
    }
    const agentKey = q.agentKey;
    const others = ownCondition({ ...q, agentKey: undefined, verbId: undefined }, 's', 'correlated');
    /** The agent's links (of one relation, or both with a verb), newest first, stopped at the page. */
    const links = (relation?: 'direct' | 'related') => {
      let byAgent = db
        .selectFrom('statement_agents as l')
        .innerJoin('statements as s', 's.seq', 'l.statement_seq')
        .select('l.statement_seq as seq')
        .where('l.agent_key', '=', agentKey)
        .where(windowOf(q, 'l.statement_seq'));
      if (relation) byAgent = byAgent.where('l.relation', '=', relation);
      if (q.verbId) byAgent = byAgent.where('l.verb_id', '=', q.verbId);
      if (others) byAgent = byAgent.where(others);
      return byAgent.orderBy('l.statement_seq', order).limit(q.limit);
    };
    if (!q.relatedAgents) return links('direct');
    // The authority is a related agent without a link row (statement-links.ts): its statements
    // come from the (authority_key, seq) index, in the same order.
    const authoredCondition = ownCondition({ ...q, agentKey: undefined }, 's', 'correlated');
    const authored = db
      .selectFrom('statements as s')
      .select('s.seq')
      .where('s.authority_key', '=', agentKey)
      .where(windowOf(q, 's.seq'))
      .$if(authoredCondition !== undefined, (query) => query.where(authoredCondition!))
      .orderBy('s.seq', order)
      .limit(q.limit);
    const fromAuthority = db.selectFrom(authored.as('authored')).select('authored.seq');
    // With a verb, (agent_key, verb_id, statement_seq, relation) gives both relations in order.
    if (q.verbId) return db.selectFrom(links().as('linked')).select('linked.seq').union(fromAuthority);
    // Without one, (agent_key, relation, statement_seq) gives each relation in order: two
    // ordered scans, each stopped at the page, merged (one index fewer to write than an
    // (agent_key, statement_seq) index would cost).
    return db
      .selectFrom(links('direct').as('direct'))
      .select('direct.seq')
      .union(db.selectFrom(links('related').as('related')).select('related.seq'))
      .union(fromAuthority);
  }
}

/**
 * Time, visibility and the keyset cursor, on the statement `s`. The cursor bound goes on
 * `seq`, the column the query is ordered by, so it narrows the index actually read (the
 * planner does not carry a range from `s.seq` over to a joined link's `statement_seq`).
 */
function windowOf(q: StatementQuery, seq: 's.seq' | 'l.statement_seq'): RawBuilder<boolean> {
  const parts: RawBuilder<unknown>[] = [sql`s.voided = 0`];
  if (q.since) parts.push(sql`s.stored > ${q.since}`);
  if (q.until) parts.push(sql`s.stored <= ${q.until}`);
  if (q.authorityKey) parts.push(sql`s.authority_key = ${q.authorityKey}`);
  if (q.afterSeq !== undefined) parts.push(sql`${sql.ref(seq)} ${sql.raw(q.ascending ? '>' : '<')} ${q.afterSeq}`);
  return sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/**
 * The non-time filters on the statement `alias` itself; undefined when the query has none.
 * `driving` writes link look-ups as `seq in (…)` so the database can start from the link
 * index; `correlated` as `exists (…)`, for a statement already found.
 */
function ownCondition(q: StatementQuery, alias: string, style: 'driving' | 'correlated'): RawBuilder<boolean> | undefined {
  const col = (name: string) => sql.ref(`${alias}.${name}`);
  const link = (table: string, column: string, value: string, related: boolean | undefined) => {
    // Both relations named, so (key, relation, statement_seq) is probed twice, not scanned.
    const direct = related ? sql` and l.relation in ('direct', 'related')` : sql` and l.relation = 'direct'`;
    return style === 'driving'
      ? sql`${col('seq')} in (select l.statement_seq from ${sql.table(table)} l where l.${sql.ref(column)} = ${value}${direct})`
      : sql`exists (select 1 from ${sql.table(table)} l where l.statement_seq = ${col('seq')} and l.${sql.ref(column)} = ${value}${direct})`;
  };
  // A related agent may be the statement's authority, which has no link row (statement-links.ts).
  const agent = (value: string, related: boolean | undefined) =>
    related ? sql`(${link('statement_agents', 'agent_key', value, true)} or ${col('authority_key')} = ${value})` : link('statement_agents', 'agent_key', value, false);
  const parts: RawBuilder<unknown>[] = [];
  if (q.verbId) parts.push(sql`${col('verb_id')} = ${q.verbId}`);
  if (q.registration) parts.push(sql`${col('registration')} = ${q.registration}`);
  if (q.agentKey) parts.push(agent(q.agentKey, q.relatedAgents));
  if (q.activityId) parts.push(link('statement_activities', 'activity_id', q.activityId, q.relatedActivities));
  return parts.length === 0 ? undefined : sql<boolean>`(${sql.join(parts, sql` and `)})`;
}

/** The statement `alias`'s StatementRef target matches the filters itself, or through its own target (up to `depth` hops). */
function targetMatches(q: StatementQuery, alias: string, depth: number): RawBuilder<boolean> {
  const target = `r${depth}`;
  const own = ownCondition(q, target, 'correlated')!;
  const deeper = depth > 1 ? sql` or (${sql.ref(`${target}.object_ref_id`)} is not null and ${targetMatches(q, target, depth - 1)})` : sql``;
  return sql<boolean>`exists (select 1 from statements ${sql.raw(target)} where ${sql.ref(`${target}.id`)} = ${sql.ref(`${alias}.object_ref_id`)} and (${own}${deeper}))`;
}


async function refuseVoidingOfVoiding(trx: Kysely<Database>, statements: PreparedStatement[]): Promise<void> {
  const voiding = statements.filter((s) => s.voidsId !== null);
  if (voiding.length === 0) return;
  const batchVoiding = new Set(voiding.map((s) => s.id));
  const stored = await trx
    .selectFrom('statements')
    .select('id')
    .where('id', 'in', voiding.map((s) => s.voidsId!))
    .where('voids_id', 'is not', null)
    .execute();
  const targetsThatVoid = new Set([...stored.map((row) => row.id), ...batchVoiding]);
  const offender = voiding.find((s) => targetsThatVoid.has(s.voidsId!));
  if (offender) throw new VoidingVoidError(offender.id, offender.voidsId!);
}

async function refuseConflicts(trx: Kysely<Database>, repeats: PreparedStatement[]): Promise<void> {
  if (repeats.length === 0) return;
  const rows = await trx
    .selectFrom('statements')
    .select(['id', 'full_json'])
    .where('id', 'in', repeats.map((s) => s.id))
    .execute();
  const storedById = new Map(rows.map((row) => [row.id, JSON.parse(row.full_json) as Record<string, unknown>]));
  for (const repeat of repeats) {
    const stored = storedById.get(repeat.id);
    if (!stored || !sameStatement(stored, repeat.full as unknown as Record<string, unknown>, repeat.sentTimestamp)) {
      throw new StatementConflictError(repeat.id);
    }
  }
}

/**
 * A statement is voided iff it is not itself a voiding statement and a voiding statement
 * targets it (Data §2.3.2.s2.b3) — the voiding one may arrive before or after its target.
 * `voidedEarlier`: this batch's statements whose voiding statement came first.
 */
async function markVoided(trx: Kysely<Database>, fresh: PreparedStatement[], voidedEarlier: string[]): Promise<void> {
  const targets = fresh.map((s) => s.voidsId).filter((id): id is string => id !== null);
  if (targets.length > 0) {
    await trx.updateTable('statements').set({ voided: 1 }).where('id', 'in', targets).where('voids_id', 'is', null).execute();
  }
  if (voidedEarlier.length > 0) await trx.updateTable('statements').set({ voided: 1 }).where('id', 'in', voidedEarlier).execute();
}
