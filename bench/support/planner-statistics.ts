import { sql } from 'kysely';
import type { HubDatabase } from '../../src/store/database';

/**
 * ANALYZEs a PostgreSQL database whenever autovacuum would with its default thresholds (50 rows
 * + 10 % of the table changed since the last time). Autovacuum is off on some servers (it is on
 * the 2-core machines these figures come from) and, when on, wakes only once a minute; without
 * statistics the planner seq-scans `statements` for StatementStore's voiding check on every
 * batch, and the fill turns quadratic. The bench measures the steady state a running server
 * reaches, so it keeps statistics current itself, outside the timed part. SQLite: nothing to do
 * (the hub never ANALYZEs it, and its planner picks the indexes without statistics).
 */
export class PlannerStatistics {
  private rowsAtLastAnalyze = 0;

  constructor(private readonly database: HubDatabase) {}

  async refreshIfStale(rowsNow: number): Promise<void> {
    if (this.database.engine !== 'postgres') return;
    if (rowsNow - this.rowsAtLastAnalyze < 50 + 0.1 * this.rowsAtLastAnalyze) return;
    await this.refresh(rowsNow);
  }

  async refresh(rowsNow: number): Promise<void> {
    if (this.database.engine !== 'postgres') return;
    await sql`analyze`.execute(this.database.db);
    this.rowsAtLastAnalyze = rowsNow;
  }
}
