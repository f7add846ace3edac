import { sql } from 'kysely';
import { type HubDatabase, openDatabase } from '../database';
import { freshDatabase, TEST_ENGINES } from '../../../test/support/test-databases';
import { migrateToLatest } from '.';

// Several hub processes (intake, workers, LRS) start together on one new database: each opens
// its own connections and migrates; the migrations must run once, and every process must start.
describe.each(TEST_ENGINES)('migrations when several processes start together (%s)', (engine) => {
  it('applies each migration once and every process finishes migrating', async () => {
    const fresh = await freshDatabase(engine);
    const processes: HubDatabase[] = [0, 1, 2].map(() => openDatabase(fresh.url));
    try {
      const outcomes = await Promise.allSettled(processes.map((database) => migrateToLatest(database)));
      expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : 'ok'))).toEqual(['ok', 'ok', 'ok']);

      const { rows } = await sql<{ name: string; times: number }>`select name, count(*) as times from kysely_migration group by name`.execute(processes[0].db);
      expect(rows.length).toBeGreaterThan(0);
      expect(rows.filter((row) => Number(row.times) !== 1)).toEqual([]);
    } finally {
      await Promise.all(processes.map((database) => database.db.destroy()));
      await fresh.drop();
    }
  });
});
