import { type Kysely, sql } from 'kysely';
import type { HubDatabase } from '../database';
import type { Database } from '../database.types';

/**
 * Arbitrary, fixed: the key of the PostgreSQL advisory lock every hub process takes before it
 * migrates (any 64-bit number no other code on the database uses; kysely's own lock is another).
 */
const POSTGRES_MIGRATION_LOCK = 7_426_318_905_114;

/** How long a process waits for another to finish migrating (an index on a big table can take minutes). */
const SQLITE_LOCK_WAIT_MS = 10 * 60_000;

export class MigrationLockTimeoutError extends Error {}

/**
 * Runs `work` while holding the database's migration lock, on one connection, so processes
 * that start together migrate one after the other: the first applies the migrations, the
 * others find nothing left to do. Kysely's Migrator locks only around applying migrations,
 * and on SQLite not at all (two processes on a fresh file both ran 0001 and one died with
 * "table inbox already exists").
 * - PostgreSQL: a session advisory lock, released when `work` ends (or the session dies).
 * - SQLite: an exclusive transaction (`BEGIN EXCLUSIVE`), committed when `work` succeeds;
 *   a failed migration rolls the whole set back.
 */
export async function withMigrationLock(database: HubDatabase, work: (db: Kysely<Database>) => Promise<void>): Promise<void> {
  await database.db.connection().execute(async (db) => {
    if (database.engine === 'postgres') {
      await sql`select pg_advisory_lock(${sql.lit(POSTGRES_MIGRATION_LOCK)})`.execute(db);
      try {
        await work(db);
      } finally {
        await sql`select pg_advisory_unlock(${sql.lit(POSTGRES_MIGRATION_LOCK)})`.execute(db);
      }
      return;
    }
    await beginExclusive(db);
    try {
      await work(db);
    } catch (error) {
      await sql`rollback`.execute(db);
      throw error;
    }
    await sql`commit`.execute(db);
  });
}

/**
 * better-sqlite3 waits for a lock synchronously (busy_timeout), which would freeze this event
 * loop — and, for two connections in one process, the holder's with it. So ask without
 * waiting, and wait between tries asynchronously; a migration on a big table takes minutes.
 */
async function beginExclusive(db: Kysely<Database>): Promise<void> {
  const deadline = Date.now() + SQLITE_LOCK_WAIT_MS;
  const { rows } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(db);
  await sql`pragma busy_timeout = 0`.execute(db);
  try {
    for (;;) {
      try {
        await sql`begin exclusive`.execute(db);
        return;
      } catch (error) {
        if ((error as { code?: string }).code !== 'SQLITE_BUSY') throw error;
        if (Date.now() > deadline) throw new MigrationLockTimeoutError(`another process held the migration lock for more than ${SQLITE_LOCK_WAIT_MS / 60_000} minutes`);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
  } finally {
    await sql`pragma busy_timeout = ${sql.lit(rows[0].timeout)}`.execute(db);
  }
}
