import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Pool, types } from 'pg';
import type { Database } from './database.types';

export type DatabaseEngine = 'sqlite' | 'postgres';

export interface HubDatabase {
  db: Kysely<Database>;
  engine: DatabaseEngine;
  /** Where the data lives, for the start-up banner; never contains a password. */
  location: string;
}

export const DEFAULT_SQLITE_FILE = 'data/xapi-hub.sqlite';

/**
 * Opens the database `DATABASE_URL` names: `postgres://…` selects PostgreSQL, a
 * `sqlite:` URL or nothing selects the embedded SQLite file (default under ./data/).
 */
export function openDatabase(url: string | undefined): HubDatabase {
  if (url && /^postgres(ql)?:\/\//.test(url)) {
    // bigserial keys come back as strings by default; ours stay far below 2^53.
    types.setTypeParser(types.builtins.INT8, (value: string) => Number(value));
    const pool = new Pool({ connectionString: url, max: 10 });
    // An idle client whose server connection ended (restart, failover) is dropped from the
    // pool and replaced on next use; without a listener that event would crash the process.
    pool.on('error', () => undefined);
    return {
      db: new Kysely<Database>({ dialect: new PostgresDialect({ pool }) }),
      engine: 'postgres',
      location: redactPassword(url),
    };
  }
  const file = url ? url.replace(/^sqlite:(\/\/)?/, '') : DEFAULT_SQLITE_FILE;
  const location = file === ':memory:' ? file : resolve(file);
  if (file !== ':memory:') mkdirSync(dirname(location), { recursive: true });
  const sqlite = new SqliteDatabase(location);
  // WAL lets readers run beside the writer. FULL makes each commit reach the disk before it
  // returns: intake acknowledges an event only after its inbox row is committed, so a
  // power cut must not take back what a 202 promised (NORMAL could lose the last commits).
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('foreign_keys = ON');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }),
    engine: 'sqlite',
    location,
  };
}

function redactPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres (unparseable URL)';
  }
}
