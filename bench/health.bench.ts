import { spawn } from 'node:child_process';
import { freshDatabase } from '../test/support/test-databases';
import type { ChildServer } from './support/child-process';
import { describeFailures, generateLoad } from './support/load';
import { benchQueuePrefix, deleteQueuePrefix } from './support/redis';
import { startHub } from './support/servers';
import type { BenchSettings, Engine } from './support/settings';
import { percentile } from './support/stats';
import { type BenchTable, count, ms } from './support/table';
import { signedHeaders, WEBHOOK_INSTANCE, webhookBody } from './support/webhook';

interface HealthFigures {
  webhooks: number;
  webhookFailures: string;
  probes: number;
  /** Probes that got no answer within PROBE_TIMEOUT_MS. */
  timeouts: number;
  unhealthy: number;
  p50: number;
  max: number;
  rssMb: number;
}

const PROBE_EVERY_MS = 250;
const PROBE_TIMEOUT_MS = 5_000;

/**
 * Does `/health` keep answering while the hub holds N concurrent webhook connections?
 * N keep-alive connections each send signed webhooks back to back (a closed loop, loopback
 * only, bounded in time) while another connection asks `/health` every 250 ms.
 */
export async function healthBench(settings: BenchSettings): Promise<BenchTable> {
  const rows: string[][] = [];
  for (const engine of settings.engines) {
    const f = await measure(settings, engine);
    rows.push([
      `role all, ${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`,
      count(settings.health.connections),
      count(f.webhooks),
      f.webhookFailures,
      `${f.probes - f.timeouts - f.unhealthy}/${f.probes}`,
      String(f.timeouts),
      String(f.unhealthy),
      ms(f.p50),
      ms(f.max),
      count(f.rssMb),
    ]);
  }
  return {
    title: `/health under ${settings.health.connections} concurrent webhook connections`,
    notes: [
      `${settings.health.connections} keep-alive connections send signed webhooks back to back for ${settings.health.seconds} s; /health is asked every ${PROBE_EVERY_MS} ms on its own connection (timeout ${PROBE_TIMEOUT_MS / 1000} s).`,
      'One run (the load is the point, not a median). RSS: the hub process at the end, from its own /metrics.',
    ],
    columns: ['hub', 'connections', 'webhooks answered', 'webhook errors', '/health 200', 'timeouts', '503', 'p50 ms', 'max ms', 'RSS MB'],
    rows,
  };
}

/**
 * Asks `/health` every PROBE_EVERY_MS from a process of its own, so the probe's latency is the
 * hub's and not the load generator's busy event loop. Status 0 = no answer within the timeout.
 */
async function probeFromAnotherProcess(url: string, durationMs: number): Promise<{ status: number; ms: number }[]> {
  const script = `(async () => {
    const [url, durationMs, every, timeout] = [process.argv[1], Number(process.argv[2]), Number(process.argv[3]), Number(process.argv[4])];
    const out = [];
    const end = performance.now() + durationMs;
    while (performance.now() < end) {
      const started = performance.now();
      try {
        const r = await fetch(url, { signal: AbortSignal.timeout(timeout) });
        await r.arrayBuffer();
        out.push({ status: r.status, ms: performance.now() - started });
      } catch { out.push({ status: 0, ms: timeout }); }
      await new Promise((r) => setTimeout(r, Math.max(0, every - (performance.now() - started))));
    }
    process.stdout.write(JSON.stringify(out));
  })()`;
  const child = spawn(process.execPath, ['-e', script, url, String(durationMs), String(PROBE_EVERY_MS), String(PROBE_TIMEOUT_MS)]);
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  await new Promise((resolve) => child.on('exit', resolve));
  return JSON.parse(stdout) as { status: number; ms: number }[];
}

async function measure(settings: BenchSettings, engine: Engine): Promise<HealthFigures> {
  const database = await freshDatabase(engine, { adminUrl: settings.postgresAdminUrl, namePrefix: 'xapi_hub_bench' });
  const prefix = benchQueuePrefix();
  let hub: ChildServer | undefined;
  try {
    hub = await startHub('all', database, prefix, settings.redisUrl);
    const durationMs = settings.health.seconds * 1000;
    const probing = probeFromAnotherProcess(`${hub.url}/health`, durationMs);
    const load = generateLoad({
      url: hub.url,
      inFlight: settings.health.connections,
      durationMs,
      maxRequests: 10_000_000,
      expectStatus: 202,
      request: (n) => {
        const body = webhookBody(`health-${engine}-${n}`, n % 1000);
        return { path: `/hooks/${WEBHOOK_INSTANCE}`, headers: signedHeaders(body), body };
      },
    });
    const [result, probes] = await Promise.all([load, probing]);
    const latencies = probes.filter((p) => p.status !== 0).map((p) => p.ms);
    const timeouts = probes.filter((p) => p.status === 0).length;
    const unhealthy = probes.filter((p) => p.status !== 0 && p.status !== 200).length;
    const metrics = await (await fetch(`${hub.url}/metrics`)).text();
    const rss = Number(/^process_resident_memory_bytes (\d+)/m.exec(metrics)?.[1] ?? Number.NaN);
    return {
      webhooks: result.ok,
      webhookFailures: describeFailures(result.failed),
      probes: latencies.length + timeouts,
      timeouts,
      unhealthy,
      p50: percentile(latencies, 50),
      max: Math.max(...latencies, timeouts > 0 ? PROBE_TIMEOUT_MS : 0),
      rssMb: rss / 1e6,
    };
  } finally {
    await hub?.close();
    await deleteQueuePrefix(settings.redisUrl, prefix);
    await database.drop();
  }
}
