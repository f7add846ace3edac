import { type Kysely, sql } from 'kysely';

/**
 * Statement queries that stay fast as the table grows (bench/README.md, 1M rows):
 * - `statement_agents.verb_id` and `(agent_key, verb_id, statement_seq, relation)`: agent + verb
 *   reads only that agent's links with that verb, newest first, and stops at the page; before,
 *   it read every statement of the agent (~1000 per learner at 1M rows) and filtered the verb
 *   afterwards. `relation` is last so `related_agents` is answered from the same index.
 * - `statements(stored)`: a since/until range without other filters need not walk the whole
 *   table in seq order to reach it.
 * And cheaper writes (each index is one more entry per row written):
 * - `statements_voids` only on voiding statements (`voids_id` is null on the others, and
 *   only `voids_id = …` look-ups read it);
 * - `statements_object_ref` dropped: no query looks statements up by the id they target
 *   (the StatementRef half walks `statements_targeting`, and targets are found by `id`);
 * - `statement_agents_by_seq` (0006) dropped: `related_agents` reads the two relations from
 *   `statement_agents_lookup` as two ordered scans and merges them, and with a verb the new
 *   index serves both relations.
 * Existing link rows get their statement's verb once, here.
 */
export const queryIndexesMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('statement_agents').addColumn('verb_id', 'text').execute();
    await sql`update statement_agents set verb_id = (select s.verb_id from statements s where s.seq = statement_agents.statement_seq)`.execute(db);
    await db.schema
      .createIndex('statement_agents_verb')
      .on('statement_agents')
      .columns(['agent_key', 'verb_id', 'statement_seq', 'relation'])
      .execute();
    // 0009-identity creates the same index for retention; a database that has it keeps it.
    await db.schema.createIndex('statements_stored').ifNotExists().on('statements').column('stored').execute();
    await db.schema.dropIndex('statements_voids').execute();
    await db.schema.createIndex('statements_voids').on('statements').column('voids_id').where(sql.ref('voids_id'), 'is not', null).execute();
    await db.schema.dropIndex('statements_object_ref').execute();
    await db.schema.dropIndex('statement_agents_by_seq').execute();
  },
};
