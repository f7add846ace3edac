import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import { Client, Pool, types } from 'pg';
import { redactUrl } from '../config/redact-url';
import type { Database } from './database.types';

export type DatabaseEngine = 'sqlite' | 'postgres';

export interface HubDatabase {
  db: Kysely<Database>;
  engine: DatabaseEngine;
  /** Where the data lives, for the start-up banner; never contains a password. */
  location: string;
  /**
   * Whether the database answers, over a connection of its own: /health must not wait in
   * the pool's queue behind thousands of requests (with 10,000 webhooks in flight it did,
   * and answered 503 after its timeout while the database was fine).
   */
  ping(): Promise<void>;
  /** Closes the connection `ping` opened, if any. */
  closeProbe(): Promise<void>;
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
      location: redactUrl(url),
      ...postgresProbe(url),
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
  // better-sqlite3 is synchronous: a statement on the handle itself runs at once, beside
  // (not behind) the queries Kysely serialises on it.
  const probe = sqlite.prepare('select count(*) from sqlite_master');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }),
    engine: 'sqlite',
    location,
    ping: async () => {
      probe.get();
    },
    closeProbe: async () => undefined,
  };
}

/** One client outside the pool, connected on first use and replaced after an error; concurrent pings share a query. */
function postgresProbe(url: string): Pick<HubDatabase, 'ping' | 'closeProbe'> {
  let client: Promise<Client> | undefined;
  let pending: Promise<void> | undefined;
  const connected = () =>
    (client ??= (async () => {
      const fresh = new Client({ connectionString: url, connectionTimeoutMillis: 2000 });
      fresh.on('error', () => (client = undefined));
      await fresh.connect();
      return fresh;
    })());
  const ping = async () => {
    try {
      await (await connected()).query('select 1');
    } catch (error) {
      const broken = client;
      client = undefined;
      void broken?.then((c) => c.end()).catch(() => undefined);
      throw error;
    }
  };
  return {
    ping: () => (pending ??= ping().finally(() => (pending = undefined))),
    closeProbe: async () => {
      const open = client;
      client = undefined;
      await open?.then((c) => c.end()).catch(() => undefined);
    },
  };
}
