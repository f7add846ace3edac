import { cpus, loadavg, totalmem } from 'node:os';
import IORedis from 'ioredis';
import { Client } from 'pg';

/**
 * The machine's size and what else was running, printed above every result: figures from a
 * 2-core box with other work on it are not comparable with a quiet 16-core one.
 */
export async function describeMachine(redisUrl: string, postgresAdminUrl: string): Promise<string[]> {
  const cores = cpus();
  const [one, five] = loadavg();
  return [
    `- cores: ${cores.length} × ${cores[0]?.model.trim() ?? 'unknown CPU'}`,
    `- memory: ${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
    `- Node ${process.version} on ${process.platform}/${process.arch}`,
    `- load average before the run: ${one.toFixed(2)} (1 min), ${five.toFixed(2)} (5 min)${one > 0.5 ? ' — something else was (or just had been) running; expect noise' : ''}`,
    `- Redis ${await redisVersion(redisUrl)}, PostgreSQL ${await postgresVersion(postgresAdminUrl)}`,
  ];
}

async function redisVersion(url: string): Promise<string> {
  const client = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return /redis_version:(\S+)/.exec(await client.info('server'))?.[1] ?? '?';
  } catch {
    return 'unreachable';
  } finally {
    client.disconnect();
  }
}

async function postgresVersion(url: string): Promise<string> {
  const client = new Client({ connectionString: url });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    return rows[0]?.server_version ?? '?';
  } catch {
    return 'unreachable';
  } finally {
    await client.end().catch(() => undefined);
  }
}
