import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { type HubDatabase, openDatabase } from '../../src/store/database';
import { migrateToLatest } from '../../src/store/migrations';

export type TestEngine = 'sqlite' | 'postgres';

/** Which engines the suite runs against; both by default (TEST_DATABASES=sqlite to narrow). */
export const TEST_ENGINES: TestEngine[] = (process.env.TEST_DATABASES ?? 'sqlite,postgres')
  .split(',')
  .map((e) => e.trim() as TestEngine);

/** The PostgreSQL server tests create their databases on (trust auth on this machine). */
export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export interface TestDatabase {
  engine: TestEngine;
  url: string;
  drop(): Promise<void>;
}

export interface FreshDatabaseOptions {
  /** The PostgreSQL server and database to run CREATE/DROP DATABASE from. */
  adminUrl?: string;
  /** Start of the database or temp-folder name, so leftovers say who made them. */
  namePrefix?: string;
}

/**
 * A new, empty database of the given engine: a temp SQLite file, or a fresh PostgreSQL
 * database (dropped WITH (FORCE), so a crashed child cannot keep it). Tests and bench use it.
 */
export async function freshDatabase(engine: TestEngine, options: FreshDatabaseOptions = {}): Promise<TestDatabase> {
  const { adminUrl = POSTGRES_ADMIN_URL, namePrefix = 'xapi_hub_test' } = options;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), `${namePrefix.replaceAll('_', '-')}-`));
    return { engine, url: `sqlite:${join(dir, 'hub.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `${namePrefix}_${randomBytes(6).toString('hex')}`;
  await withAdmin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    engine,
    url: url.toString(),
    drop: () => withAdmin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

async function withAdmin<T>(adminUrl: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface MigratedTestDatabase {
  database: HubDatabase;
  /** Closes the connections, then drops the database. */
  close(): Promise<void>;
}

/** A fresh database, opened as the hub opens it and migrated: what a store contract suite starts from. */
export async function migratedDatabase(engine: TestEngine): Promise<MigratedTestDatabase> {
  const fresh = await freshDatabase(engine);
  const database = openDatabase(fresh.url);
  await migrateToLatest(database);
  return {
    database,
    close: async () => {
      await database.db.destroy();
      await fresh.drop();
    },
  };
}
