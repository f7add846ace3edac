import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { freePort } from '../test/support/free-port';
import { freshDatabase } from '../test/support/test-databases';
import { benchQueuePrefix, deleteQueuePrefix } from './support/redis';
import type { Scoreboard } from './support/scoreboard';
import { BENCH_LRS_KEY, BENCH_LRS_SECRET } from './support/servers';
import type { BenchSettings } from './support/settings';
import { median, msSince } from './support/stats';
import { type BenchTable, ratio } from './support/table';

/** The repository (bench/ is compiled to node_modules/.cache/xapi-hub-bench/bench/). */
const ROOT = resolve(__dirname, '..', '..', '..', '..');
const STARTUP_TIMEOUT_MS = 120_000;

/**
 * Cold start: from spawning a process to the first 200 from /health. The hub as a user starts
 * it (`npm start`: the staleness check, then dist/) and as `node dist/src/main.js`, against a
 * bare Nest + Fastify app with one route. dist/ is brought up to date first, untimed: the
 * figure is "after the first build".
 */
export async function coldStartBench(settings: BenchSettings, scoreboard: Scoreboard): Promise<BenchTable[]> {
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts', 'build-if-stale.mjs')], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
  if (build.status !== 0) throw new Error('the build before the cold-start benchmark failed');

  const bare = await timeStarts(settings, () => ({ command: process.execPath, args: [join(__dirname, 'support', 'bare-nest-server.js')] }));
  const npmStart = await timeStarts(settings, () => ({ command: 'npm', args: ['start', '--silent'] }));
  const node = await timeStarts(settings, () => ({ command: process.execPath, args: [join(ROOT, 'dist', 'src', 'main.js')] }));
  const s = (msValue: number) => `${(msValue / 1000).toFixed(2)} s`;
  scoreboard.set('coldStart', { measured: `${s(npmStart)} (npm start)`, baseline: `bare Nest ${s(bare)}`, ratio: ratio(npmStart, bare) });
  return [
    {
      title: 'Cold start to /health',
      notes: [
        `From spawn to the first 200 from GET /health, median of ${settings.runs} starts; the hub on a new SQLite file, every role, the shipped example config. dist/ was built before (untimed).`,
      ],
      columns: ['process', 'seconds', 'vs bare Nest'],
      rows: [
        ['bare Nest + Fastify, one route (baseline)', s(bare), '1.00×'],
        ['hub: `npm start` (staleness check, then dist/)', s(npmStart), ratio(npmStart, bare)],
        ['hub: `node dist/src/main.js`', s(node), ratio(node, bare)],
      ],
    },
  ];
}

async function timeStarts(settings: BenchSettings, command: () => { command: string; args: string[] }): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < settings.runs; run++) times.push(await timeOneStart(settings, command()));
  return median(times);
}

async function timeOneStart(settings: BenchSettings, { command, args }: { command: string; args: string[] }): Promise<number> {
  const port = await freePort();
  const database = await freshDatabase('sqlite', { namePrefix: 'xapi_hub_bench' });
  const prefix = benchQueuePrefix();
  const env = {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: database.url,
    QUEUE_PREFIX: prefix,
    REDIS_URL: settings.redisUrl,
    LRS_KEY: BENCH_LRS_KEY,
    LRS_SECRET: BENCH_LRS_SECRET,
    LOG_LEVEL: 'silent',
  };
  const started = performance.now();
  // Its own process group, so npm and the node it starts stop together.
  const child = spawn(command, args, { cwd: ROOT, env, stdio: 'ignore', detached: true });
  try {
    await healthy(`http://127.0.0.1:${port}/health`, child);
    return msSince(started);
  } finally {
    await stop(child);
    await deleteQueuePrefix(settings.redisUrl, prefix);
    await database.drop();
  }
}

async function healthy(url: string, child: ChildProcess): Promise<void> {
  const deadline = performance.now() + STARTUP_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the process exited with code ${child.exitCode} before /health answered`);
    try {
      if ((await fetch(url)).status === 200) return;
    } catch {
      // not listening yet
    }
    if (performance.now() > deadline) throw new Error(`/health did not answer within ${STARTUP_TIMEOUT_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  process.kill(-child.pid, 'SIGTERM');
  const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
