import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import type { Engine } from './settings';

export interface BenchDatabase {
  engine: Engine;
  url: string;
  drop(): Promise<void>;
}

/**
 * An empty database of the bench's own: a SQLite file in a temp folder, or a new PostgreSQL
 * database (dropped again, forcibly, so a crashed child cannot leave it behind).
 */
export async function freshDatabase(engine: Engine, postgresAdminUrl: string): Promise<BenchDatabase> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'xapi-hub-bench-'));
    return { engine, url: `sqlite:${join(dir, 'hub.sqlite')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `xapi_hub_bench_${randomBytes(6).toString('hex')}`;
  await withAdmin(postgresAdminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(postgresAdminUrl);
  url.pathname = `/${name}`;
  return {
    engine,
    url: url.toString(),
    drop: async () => {
      await withAdmin(postgresAdminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(url: string, work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
