import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { pingRedis } from './redis-connection';

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/** Whether the hub may start Redis itself: the URL is local and a redis-server binary is on the PATH. */
export function canStartLocalRedis(url: string): boolean {
  const parsed = new URL(url);
  return LOCAL_HOSTS.has(parsed.hostname) && !parsed.password && spawnSync('redis-server', ['--version']).status === 0;
}

/**
 * Starts redis-server for a single-machine hub when none answers on the configured local
 * port: AOF on and data under `dataDir`, so queued jobs survive a restart, and
 * `noeviction`, as BullMQ requires. The child ends with the hub.
 */
export async function startLocalRedis(url: string, dataDir: string): Promise<ChildProcess> {
  const port = new URL(url).port || '6379';
  const dir = resolve(dataDir);
  mkdirSync(dir, { recursive: true });
  const child = spawn(
    'redis-server',
    ['--port', port, '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--save', '', '--maxmemory-policy', 'noeviction'],
    { stdio: 'ignore' },
  );
  process.once('exit', () => child.kill());
  const deadline = Date.now() + 5000;
  for (;;) {
    try {
      await pingRedis(url, 500);
      return child;
    } catch (error) {
      if (child.exitCode !== null || Date.now() > deadline) {
        child.kill();
        throw error;
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
