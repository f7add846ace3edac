import { openDatabase, type HubDatabase } from '../src/store/database';
import { PlainStatementTable } from './support/plain-table';
import type { ChildServer } from './support/child-process';
import { freshDatabase, type TestDatabase as BenchDatabase } from '../test/support/test-databases';
import { describeFailures, generateLoad } from './support/load';
import { PlannerStatistics } from './support/planner-statistics';
import { benchQueuePrefix, deleteQueuePrefix } from './support/redis';
import { startHub } from './support/servers';
import type { BenchSettings, Engine } from './support/settings';
import type { Scoreboard } from './support/scoreboard';
import { median, msSince } from './support/stats';
import { type BenchTable, count, percent, ratio } from './support/table';
import { signedHeaders, WEBHOOK_INSTANCE, webhookBody } from './support/webhook';

export interface PipelineRun {
  /** Events posted ÷ seconds from the first POST until the last statement was stored. */
  statementsPerSecond: number;
  /** Events ÷ seconds until the last 202. */
  acceptedPerSecond: number;
  /** Seconds between the last 202 and the last statement stored: the queue's backlog. */
  drainSeconds: number;
  serverCpu: number;
  failures: string;
  /** Hub RSS (MB) when the run ended. */
  rssMb: number;
}

const POLL_MS = 25;

/**
 * The whole pipeline in one hub process (role `all`): signed webhook → inbox → normalize
 * (JSONata mapping, id, validation) → deliver → built-in LRS, timed until every statement is
 * in the statements table, where /xapi/statements reads it.
 */
export async function pipelineBench(settings: BenchSettings, scoreboard: Scoreboard): Promise<BenchTable> {
  const rows: string[][] = [];
  const measured: string[] = [];
  const ratios: string[] = [];
  const baselines: string[] = [];
  for (const engine of settings.engines) {
    const { runs, rssStartMb } = await measureEngine(settings, engine);
    const baseline = await plainInsertBaseline(settings, engine, settings.pipeline.events);
    const name = engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    const rate = median(runs.map((r) => r.statementsPerSecond));
    measured.push(`${count(rate)}/s ${name}`);
    const store = scoreboard.facts.get(`lrs-batch-${engine}`);
    const plain = scoreboard.facts.get(`plain-batch-${engine}`);
    if (store !== undefined && plain !== undefined) {
      baselines.push(`${name}: LRS batched store ${count(store)}/s, plain INSERT ${count(plain)}/s`);
      ratios.push(`${ratio(rate, store)} store, ${ratio(rate, plain)} plain`);
    }
    scoreboard.addRss(`pipeline hub, every role (${name})`, rssStartMb, runs[runs.length - 1].rssMb);
    rows.push([
      name,
      count(median(runs.map((r) => r.statementsPerSecond))),
      count(baseline),
      count(median(runs.map((r) => r.acceptedPerSecond))),
      median(runs.map((r) => r.drainSeconds)).toFixed(2),
      percent(median(runs.map((r) => r.serverCpu))),
      `${count(rssStartMb)} → ${count(runs[runs.length - 1].rssMb)}`,
      runs.every((r) => r.failures === '0') ? '0' : runs.map((r) => r.failures).join(' / '),
    ]);
  }
  const { events, inFlight } = settings.pipeline;
  scoreboard.set('endToEnd', {
    measured: measured.join('; '),
    baseline: baselines.length > 0 ? baselines.join('; ') : 'run lrs-store in the same run for the store baselines',
    ratio: ratios.length > 0 ? ratios.join(' / ') : '—',
  });
  return {
    title: 'Pipeline: webhook → normalize → deliver → built-in LRS',
    notes: [
      `${events} signed events per run (one statement each), ${inFlight} in flight, to one hub process with every role; median of ${settings.runs} runs after a warm-up.`,
      'statements/s counts from the first POST until the last statement is in the LRS\'s table (polled every 25 ms).',
      'Delivery is batched: the built-in destination stores up to 100 statements per StatementsService.storeEach call (lingering 50 ms for a batch to fill), claimed from the outbox.',
      'plain INSERT is the same run\'s baseline: the same number of statement-sized rows, 100 per multi-row INSERT and transaction, into a bare table of a fresh database.',
      'hub RSS: after the warm-up → after the last run.',
      'For scale: STACK.md\'s practical ceiling on 2 cores (Fastify → BullMQ → micro-batched INSERT into PostgreSQL) is ~11k statements/s.',
    ],
    columns: ['database', 'statements/s', 'plain INSERT rows/s (×100)', 'accepted/s', 'drain after last 202 (s)', 'hub CPU', 'hub RSS MB', 'non-202'],
    rows,
  };
}

async function measureEngine(settings: BenchSettings, engine: Engine): Promise<{ runs: PipelineRun[]; rssStartMb: number }> {
  const database = await freshDatabase(engine, { adminUrl: settings.postgresAdminUrl, namePrefix: 'xapi_hub_bench' });
  const prefix = benchQueuePrefix();
  let hub: ChildServer | undefined;
  let reader: HubDatabase | undefined;
  try {
    hub = await startHub('all', database, prefix, settings.redisUrl);
    // Opened after the hub has migrated the schema; a second connection, as an LRS reader would be.
    reader = openDatabase(database.url);
    await runOnce(settings, hub, reader, database, 'warmup', Math.min(200, settings.pipeline.events));
    const rssStartMb = (await hub.rssBytes()) / 2 ** 20;
    // PostgreSQL statistics as autovacuum would keep them (see PlannerStatistics), between runs.
    const statistics = new PlannerStatistics(reader);
    const runs: PipelineRun[] = [];
    for (let run = 0; run < settings.runs; run++) {
      await statistics.refresh(0);
      runs.push(await runOnce(settings, hub, reader, database, `run${run}`, settings.pipeline.events));
    }
    return { runs, rssStartMb };
  } finally {
    await reader?.db.destroy();
    await hub?.close();
    await deleteQueuePrefix(settings.redisUrl, prefix);
    await database.drop();
  }
}

/** One timed run: `events` webhooks to `hub.url`, until each accepted one is a statement; CPU and RSS from `hub`. */
export async function runOnce(settings: BenchSettings, hub: ChildServer, reader: HubDatabase, database: BenchDatabase, tag: string, events: number): Promise<PipelineRun> {
  const before = await storedCount(reader);
  const cpuBefore = await hub.cpuSeconds();
  const started = performance.now();
  let expected = events;
  let acceptedMs = Number.NaN;
  const posting = generateLoad({
    url: hub.url,
    inFlight: settings.pipeline.inFlight,
    durationMs: settings.pipeline.timeoutSeconds * 1000,
    maxRequests: events,
    expectStatus: 202,
    request: (n) => {
      const body = webhookBody(`pipeline-${database.engine}-${tag}-${n}`, n % 1000);
      return { path: `/hooks/${WEBHOOK_INSTANCE}`, headers: signedHeaders(body), body };
    },
  }).then((result) => {
    acceptedMs = msSince(started);
    // Refused events make no statement; wait only for those that were accepted.
    expected = result.ok;
    return result;
  });

  const deadline = started + settings.pipeline.timeoutSeconds * 1000;
  let stored = 0;
  while ((stored = (await storedCount(reader)) - before) < expected || Number.isNaN(acceptedMs)) {
    if (performance.now() > deadline) {
      throw new Error(`pipeline on ${database.engine}: only ${stored} of ${expected} statements stored after ${settings.pipeline.timeoutSeconds} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const storedMs = msSince(started);
  const result = await posting;
  const cpu = (await hub.cpuSeconds()) - cpuBefore;
  return {
    statementsPerSecond: result.ok / (storedMs / 1000),
    acceptedPerSecond: result.ok / (acceptedMs / 1000),
    drainSeconds: Math.max(0, storedMs - acceptedMs) / 1000,
    serverCpu: cpu / (storedMs / 1000),
    failures: describeFailures(result.failed),
    rssMb: (await hub.rssBytes()) / 2 ** 20,
  };
}

async function storedCount(reader: HubDatabase): Promise<number> {
  const row = await reader.db
    .selectFrom('statements')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Rows/s of plain multi-row INSERTs (100 per transaction) of statement-sized JSON, on a fresh database of the engine. */
async function plainInsertBaseline(settings: BenchSettings, engine: Engine, rows: number): Promise<number> {
  const database = await freshDatabase(engine, { adminUrl: settings.postgresAdminUrl, namePrefix: 'xapi_hub_bench' });
  const opened = openDatabase(database.url);
  try {
    const table = await PlainStatementTable.create(opened);
    const body = webhookBody('plain', 1).padEnd(900, ' ');
    const started = performance.now();
    for (let i = 0; i < rows; i += 100) {
      await table.insert(Array.from({ length: Math.min(100, rows - i) }, (_, j) => ({ id: `plain-${i + j}`, body })));
    }
    return rows / (msSince(started) / 1000);
  } finally {
    await opened.db.destroy();
    await database.drop();
  }
}
