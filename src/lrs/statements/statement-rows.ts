import { type Kysely, sql } from 'kysely';
import type { DatabaseEngine } from '../../store/database';
import type { Database } from '../../store/database.types';
import type { PreparedStatement } from './prepare-statement';

/** What writing a batch's rows found out. */
export interface WrittenRows {
  /** seq of each statement that was new (an id already stored is skipped, and absent here). */
  seqOf: Map<string, number>;
  /** Ids among the batch's non-voiding statements that a voiding statement stored earlier targets. */
  voidedEarlier: string[];
}

/**
 * Writes a batch's statement rows and their agent and activity link rows, skipping ids that
 * are already stored, and finds which of its statements were voided before they arrived.
 */
export function writeStatementRows(trx: Kysely<Database>, engine: DatabaseEngine, statements: PreparedStatement[]): Promise<WrittenRows> {
  return engine === 'postgres' ? writePostgres(trx, statements) : writeSqlite(trx, statements);
}

/**
 * PostgreSQL: one round trip for the whole batch. Each column travels as one array
 * (`unnest`), so the SQL text is the same for every batch size and PostgreSQL parses 16
 * parameters instead of one per value (a batch of 100 had ~2,500), and the link rows are
 * inserted by data-modifying CTEs that join the statements just inserted. Before, each batch
 * took five statements (statements, agent links, activity links, the voiding look-up, and
 * their round trips) and wrote ~5.7k rows/s.
 */
async function writePostgres(trx: Kysely<Database>, statements: PreparedStatement[]): Promise<WrittenRows> {
  const column = <T>(pick: (s: PreparedStatement) => T) => statements.map(pick);
  const agents = statements.flatMap((s) => s.links.agents.map((a) => [s.id, a.key, a.relation] as const));
  const activities = statements.flatMap((s) => s.links.activities.map((a) => [s.id, a.id, a.relation] as const));
  const { rows } = await sql<{ seq: number | null; id: string | null; voided_earlier: string | null }>`
    with ins as (
      insert into statements (id, stored, "timestamp", verb_id, registration, voided, voids_id, object_ref_id, authority_key, full_json)
      select id, stored, "timestamp", verb_id, registration, 0, voids_id, object_ref_id, authority_key, full_json
      from unnest(${column((s) => s.id)}::text[], ${column((s) => s.stored)}::text[], ${column((s) => s.timestamp)}::text[],
                  ${column((s) => s.verbId)}::text[], ${column((s) => s.registration)}::text[], ${column((s) => s.voidsId)}::text[],
                  ${column((s) => s.objectRefId)}::text[], ${column((s) => s.authorityKey)}::text[], ${column((s) => s.fullJson)}::text[])
        as t(id, stored, "timestamp", verb_id, registration, voids_id, object_ref_id, authority_key, full_json)
      on conflict (id) do nothing
      returning seq, id, verb_id
    ),
    agent_links as (
      insert into statement_agents (statement_seq, agent_key, relation, verb_id)
      select ins.seq, a.agent_key, a.relation, ins.verb_id
      from unnest(${agents.map((a) => a[0])}::text[], ${agents.map((a) => a[1])}::text[], ${agents.map((a) => a[2])}::text[]) as a(id, agent_key, relation)
      join ins on ins.id = a.id
    ),
    activity_links as (
      insert into statement_activities (statement_seq, activity_id, relation)
      select ins.seq, a.activity_id, a.relation
      from unnest(${activities.map((a) => a[0])}::text[], ${activities.map((a) => a[1])}::text[], ${activities.map((a) => a[2])}::text[]) as a(id, activity_id, relation)
      join ins on ins.id = a.id
    )
    select seq, id, null as voided_earlier from ins
    union all
    select null, null, voids_id from statements where voids_id = any(${statements.filter((s) => s.voidsId === null).map((s) => s.id)}::text[])
  `.execute(trx);
  // The look-up reads the table as it was before this statement: voiding statements stored earlier, not this batch's.
  const seqOf = new Map(rows.filter((row) => row.id !== null).map((row) => [row.id!, Number(row.seq)]));
  const voidedEarlier = rows.flatMap((row) => (row.voided_earlier !== null && seqOf.has(row.voided_earlier) ? [row.voided_earlier] : []));
  return { seqOf, voidedEarlier };
}

/** SQLite: multi-row INSERTs in chunks (its limit on bound parameters), in-process, so round trips cost nothing. */
async function writeSqlite(trx: Kysely<Database>, statements: PreparedStatement[]): Promise<WrittenRows> {
  const inserted: { seq: number; id: string }[] = [];
  for (const chunk of chunks(statements, 500)) {
    const rows = await trx
      .insertInto('statements')
      .values(chunk.map(statementRow))
      .onConflict((oc) => oc.column('id').doNothing())
      .returning(['seq', 'id'])
      .execute();
    inserted.push(...rows);
  }
  const seqOf = new Map(inserted.map((row) => [row.id, Number(row.seq)]));
  const fresh = statements.filter((s) => seqOf.has(s.id));
  const agents = fresh.flatMap((s) =>
    s.links.agents.map((a) => ({ statement_seq: seqOf.get(s.id)!, agent_key: a.key, relation: a.relation, verb_id: s.verbId })),
  );
  const activities = fresh.flatMap((s) => s.links.activities.map((a) => ({ statement_seq: seqOf.get(s.id)!, activity_id: a.id, relation: a.relation })));
  for (const chunk of chunks(agents, 500)) await trx.insertInto('statement_agents').values(chunk).execute();
  for (const chunk of chunks(activities, 500)) await trx.insertInto('statement_activities').values(chunk).execute();

  const plain = fresh.filter((s) => s.voidsId === null).map((s) => s.id);
  const voidedEarlier =
    plain.length === 0
      ? []
      : (await trx.selectFrom('statements').select('voids_id').where('voids_id', 'in', plain).execute()).flatMap((row) => row.voids_id ?? []);
  return { seqOf, voidedEarlier };
}

function statementRow(s: PreparedStatement) {
  return {
    id: s.id,
    stored: s.stored,
    timestamp: s.timestamp,
    verb_id: s.verbId,
    registration: s.registration,
    voided: 0,
    voids_id: s.voidsId,
    object_ref_id: s.objectRefId,
    authority_key: s.authorityKey,
    full_json: s.fullJson,
  };
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
