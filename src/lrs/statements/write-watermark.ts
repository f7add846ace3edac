import { type Kysely, sql } from 'kysely';
import type { HubDatabase } from '../../store/database';
import type { Database } from '../../store/database.types';

/**
 * X-Experience-API-Consistent-Through across every LRS process on one database: an instant
 * before which no statement can still appear. `stored` is taken inside the write, after the
 * write has made itself visible to other processes, so a reader either sees the write (and
 * answers an instant before it) or the write picks a `stored` after the reader looked.
 * Nothing is written for this, and a process that dies releases what it held.
 * - PostgreSQL: a write holds a shared transaction-level advisory lock whose key carries the
 *   millisecond it started; readers take the oldest such instant from pg_locks.
 * - SQLite: a write runs under the database's write lock (BEGIN IMMEDIATE, so the lock is
 *   held before `stored` is chosen); writes are therefore one at a time and commit in
 *   `stored` order. A reader that can take the write lock at once knows none is in flight
 *   (now); otherwise the one in flight chose its `stored` after the newest committed one.
 * Clocks: processes on several machines need synchronised clocks (NTP), as `stored` does.
 */

/**
 * The advisory lock key is one bigint: this tag in the top bits, the write's start (Unix ms,
 * 41 bits, enough until 2039) below. pg_locks shows it as classid (high 32 bits) and objid
 * (low 32 bits), so the tag is classid's bits above the 9 that the instant reaches into.
 */
const LOCK_TAG = 423;
const INSTANT_BITS = 41n;
const lockKey = (ms: number) => (BigInt(LOCK_TAG) << INSTANT_BITS) | BigInt(ms);

/**
 * Runs a statement write in one transaction and hands it its `stored` instant, chosen once
 * the write is visible to readers in other processes.
 */
export async function inStatementWrite<T>(database: HubDatabase, work: (trx: Kysely<Database>, stored: Date) => Promise<T>): Promise<T> {
  if (database.engine === 'postgres') {
    return database.db.transaction().execute(async (trx) => {
      await sql`select pg_advisory_xact_lock_shared(${lockKey(Date.now()).toString()}::bigint)`.execute(trx);
      return work(trx, new Date());
    });
  }
  return database.db.connection().execute(async (connection) => {
    await sql`begin immediate`.execute(connection);
    try {
      const result = await work(connection, new Date());
      await sql`commit`.execute(connection);
      return result;
    } catch (error) {
      await sql`rollback`.execute(connection);
      throw error;
    }
  });
}

/** The Consistent-Through instant (ISO 8601) for a read starting now. */
export async function consistentThrough(database: HubDatabase): Promise<string> {
  // Taken before looking: a write that is not seen yet chooses its `stored` after this — but
  // possibly within the same millisecond, so the instant answered is the millisecond before
  // (a reader that asks `since=<this>` next must not skip a statement stored exactly at it).
  const now = Date.now() - 1;
  if (database.engine === 'postgres') {
    const { rows } = await sql<{ oldest: string | number | null }>`
      select min(((classid::bigint & 511) << 32) | objid::bigint) as oldest from pg_locks
      where locktype = 'advisory' and objsubid = 1 and (classid::bigint >> 9) = ${sql.lit(LOCK_TAG)}
        and database = (select oid from pg_database where datname = current_database())`.execute(database.db);
    const oldest = rows[0]?.oldest;
    return new Date(oldest === null || oldest === undefined ? now : Math.min(now, Number(oldest) - 1)).toISOString();
  }
  return database.db.connection().execute(async (connection) => {
    if (await writeLockIsFree(connection)) return new Date(now).toISOString();
    const newest = await connection.selectFrom('statements').select((eb) => eb.fn.max('stored').as('stored')).executeTakeFirst();
    return newest?.stored ? new Date(Math.min(now, Date.parse(newest.stored) - 1)).toISOString() : new Date(0).toISOString();
  });
}

/** Whether SQLite's write lock could be taken right now (taken and given back, without waiting). */
async function writeLockIsFree(connection: Kysely<Database>): Promise<boolean> {
  const { rows } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(connection);
  await sql`pragma busy_timeout = 0`.execute(connection);
  try {
    await sql`begin immediate`.execute(connection);
    await sql`rollback`.execute(connection);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return false;
    throw error;
  } finally {
    await sql`pragma busy_timeout = ${sql.lit(rows[0].timeout)}`.execute(connection);
  }
}
