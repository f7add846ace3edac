import type { Kysely } from 'kysely';

/**
 * `related_agents=true` / `related_activities=true` match a link of either relation, so the
 * (key, relation, seq) indexes cannot return rows in seq order: PostgreSQL read and sorted
 * every link of a busy agent to keep 100 (bench/README.md). (key, seq) lets it stop at the page.
 */
export const linkOrderIndexesMigration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.createIndex('statement_agents_by_seq').on('statement_agents').columns(['agent_key', 'statement_seq']).execute();
    await db.schema
      .createIndex('statement_activities_by_seq')
      .on('statement_activities')
      .columns(['activity_id', 'statement_seq'])
      .execute();
  },
};
