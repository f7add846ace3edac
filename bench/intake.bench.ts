import { freshDatabase } from '../test/support/test-databases';
import type { ChildServer } from './support/child-process';
import { describeFailures, generateLoad } from './support/load';
import { benchQueuePrefix, deleteQueuePrefix } from './support/redis';
import { startBaselineServer, startHub } from './support/servers';
import type { BenchSettings, Engine } from './support/settings';
import type { Scoreboard } from './support/scoreboard';
import { median, percentile } from './support/stats';
import { type BenchTable, count, ms, percent, ratio } from './support/table';
import { signedHeaders, WEBHOOK_INSTANCE, webhookBody } from './support/webhook';

interface IntakeFigures {
  rps: number;
  p50: number;
  p99: number;
  /** Server CPU time per wall second: 1 = one core busy. */
  serverCpu: number;
  /** The load generator's, likewise: near 1, it (not the server) may be the limit. */
  clientCpu: number;
  failures: string;
  /** p99 ms of an open-loop run at BENCH_INTAKE_FIXED_RATE. */
  fixedRateP99: number;
  /** Server RSS (MB) after the warm-up and after the last run. */
  rssStartMb: number;
  rssEndMb: number;
}

/**
 * Intake: signed webhooks with N in flight, against a bare-Fastify baseline and a hub in role
 * `intake` (verify, event key, inbox row, BullMQ add, 202) on each database.
 */
export async function intakeBench(settings: BenchSettings, scoreboard: Scoreboard): Promise<BenchTable> {
  const { seconds, inFlight } = settings.intake;
  const baseline = await measureServer(settings, 'baseline', startBaselineServer);
  const rows = [row('bare Fastify: HMAC + JSON.parse + 202 (baseline)', baseline, baseline)];
  const hubs: [string, IntakeFigures][] = [];
  for (const engine of settings.engines) {
    const hub = await measureHub(settings, engine);
    const name = engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    hubs.push([name, hub]);
    rows.push(row(`hub, role intake, inbox on ${name}`, hub, baseline));
  }
  scoreboard.set('intake', {
    measured: hubs.map(([name, f]) => `${count(f.rps)} req/s ${name} (p99 at ${count(settings.intakeFixedRate)}/s: ${ms(f.fixedRateP99)} ms)`).join('; '),
    baseline: `bare Fastify ${count(baseline.rps)} req/s (p99 at ${count(settings.intakeFixedRate)}/s: ${ms(baseline.fixedRateP99)} ms)`,
    ratio: hubs.map(([, f]) => ratio(f.rps, baseline.rps)).join(' / '),
  });
  for (const [name, f] of hubs) scoreboard.addRss(`intake hub (${name})`, f.rssStartMb, f.rssEndMb);
  return {
    title: 'Intake: signed webhook → 202',
    notes: [
      `${inFlight} requests in flight over keep-alive loopback connections, ${seconds} s per run, median of ${settings.runs} runs after a 1 s warm-up.`,
      'Every request is a new event (unique id), HMAC-SHA256 signed; the server runs in its own process, the load generator in the bench process.',
      'CPU: CPU seconds per wall second (100 % = one core) of the server process (all its threads; not Redis or PostgreSQL) and of the load generator.',
      `p99 at ${count(settings.intakeFixedRate)}/s: one more run of ${seconds} s, open loop (requests due at a fixed rate whatever the answers). RSS: the server process after the warm-up → after the last run.`,
    ],
    columns: ['server', 'req/s', 'p50 ms', 'p99 ms', `p99 ms at ${count(settings.intakeFixedRate)}/s`, 'server CPU', 'client CPU', 'vs baseline', 'RSS MB', 'non-202'],
    rows,
  };
}

function row(name: string, figures: IntakeFigures, baseline: IntakeFigures): string[] {
  return [
    name,
    count(figures.rps),
    ms(figures.p50),
    ms(figures.p99),
    ms(figures.fixedRateP99),
    percent(figures.serverCpu),
    percent(figures.clientCpu),
    ratio(figures.rps, baseline.rps),
    `${count(figures.rssStartMb)} → ${count(figures.rssEndMb)}`,
    figures.failures,
  ];
}

async function measureHub(settings: BenchSettings, engine: Engine): Promise<IntakeFigures> {
  const database = await freshDatabase(engine, { adminUrl: settings.postgresAdminUrl, namePrefix: 'xapi_hub_bench' });
  const prefix = benchQueuePrefix();
  try {
    return await measureServer(settings, `hub-${engine}`, () => startHub('intake', database, prefix, settings.redisUrl));
  } finally {
    await deleteQueuePrefix(settings.redisUrl, prefix);
    await database.drop();
  }
}

async function measureServer(settings: BenchSettings, tag: string, start: () => Promise<ChildServer>): Promise<IntakeFigures> {
  const server = await start();
  try {
    await load(server, settings, `${tag}-warmup`, 1000);
    const rssStart = await server.rssBytes();
    const runs: Omit<IntakeFigures, 'fixedRateP99' | 'rssStartMb' | 'rssEndMb'>[] = [];
    for (let run = 0; run < settings.runs; run++) {
      const cpuBefore = await server.cpuSeconds();
      const clientBefore = process.cpuUsage();
      const result = await load(server, settings, `${tag}-run${run}`, settings.intake.seconds * 1000);
      const client = process.cpuUsage(clientBefore);
      const cpu = (await server.cpuSeconds()) - cpuBefore;
      runs.push({
        rps: result.ok / (result.elapsedMs / 1000),
        p50: percentile(result.latenciesMs, 50),
        p99: percentile(result.latenciesMs, 99),
        serverCpu: cpu / (result.elapsedMs / 1000),
        clientCpu: (client.user + client.system) / 1e3 / result.elapsedMs,
        failures: describeFailures(result.failed),
      });
    }
    const fixedRate = await load(server, settings, `${tag}-fixed`, settings.intake.seconds * 1000, settings.intakeFixedRate);
    const rssEnd = await server.rssBytes();
    return {
      fixedRateP99: percentile(fixedRate.latenciesMs, 99),
      rssStartMb: rssStart / 2 ** 20,
      rssEndMb: rssEnd / 2 ** 20,
      rps: median(runs.map((r) => r.rps)),
      p50: median(runs.map((r) => r.p50)),
      p99: median(runs.map((r) => r.p99)),
      serverCpu: median(runs.map((r) => r.serverCpu)),
      clientCpu: median(runs.map((r) => r.clientCpu)),
      failures: runs.every((r) => r.failures === '0') ? '0' : runs.map((r) => r.failures).join(' / '),
    };
  } finally {
    await server.close();
  }
}

function load(server: ChildServer, settings: BenchSettings, tag: string, durationMs: number, ratePerSecond?: number) {
  return generateLoad({
    ratePerSecond,
    url: server.url,
    inFlight: settings.intake.inFlight,
    durationMs,
    maxRequests: settings.intake.maxRequests,
    expectStatus: 202,
    request: (n) => {
      const body = webhookBody(`${tag}-${n}`, n % 1000);
      return { path: `/hooks/${WEBHOOK_INSTANCE}`, headers: signedHeaders(body), body };
    },
  });
}
