import { DirectoryCache } from '../src/identity/directory-cache';
import { HeldStatementsRepository } from '../src/identity/held-statements.repository';
import { IdentityResolver } from '../src/identity/identity-resolver.service';
import { PeopleRepository } from '../src/identity/people.repository';
import { SOURCE_ACTOR_EXTENSION } from '../src/identity/resolve-statement';
import { createPinoLogger, HubLogger } from '../src/observability/hub-logger';
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
/** People in the directory for the "resolution on" rows; the bench's 1000 learners are among them. */
const DIRECTORY_PEOPLE = 10_000;

/** Off: the directory is empty, every actor passes through as the connector wrote it. On: every actor is rewritten. */
type Resolution = 'off' | 'on';

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
    const baseline = await plainInsertBaseline(settings, engine, settings.pipeline.events);
    const { runs: measuredRuns, rssStartMb } = await measureEngine(settings, engine);
    const name = engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    const off = median(measuredRuns.off.map((r) => r.statementsPerSecond));
    measured.push(`${count(off)}/s ${name}`);
    const store = scoreboard.facts.get(`lrs-batch-${engine}`);
    const plain = scoreboard.facts.get(`plain-batch-${engine}`);
    if (store !== undefined && plain !== undefined) {
      baselines.push(`${name}: LRS batched store ${count(store)}/s, plain INSERT ${count(plain)}/s`);
      ratios.push(`${ratio(off, store)} store, ${ratio(off, plain)} plain`);
    }
    scoreboard.addRss(`pipeline hub, every role (${name})`, rssStartMb, measuredRuns.off[measuredRuns.off.length - 1].rssMb);
    for (const resolution of ['off', 'on'] as const) {
      const runs = measuredRuns[resolution];
      const perSecond = median(runs.map((r) => r.statementsPerSecond));
      rows.push([
        name,
        resolution === 'off' ? 'off (directory empty)' : `on (${count(DIRECTORY_PEOPLE)} people)`,
        count(perSecond),
        ratio(perSecond, off),
        count(baseline),
        count(median(runs.map((r) => r.acceptedPerSecond))),
        median(runs.map((r) => r.drainSeconds)).toFixed(2),
        percent(median(runs.map((r) => r.serverCpu))),
        runs.every((r) => r.failures === '0') ? '0' : runs.map((r) => r.failures).join(' / '),
      ]);
    }
  }
  const { events, inFlight } = settings.pipeline;
  scoreboard.set('endToEnd', {
    measured: measured.join('; '),
    baseline: baselines.length > 0 ? baselines.join('; ') : 'run lrs-store in the same run for the store baselines',
    ratio: ratios.length > 0 ? ratios.join(' / ') : '—',
  });
  return {
    title: 'Pipeline: webhook → normalize (with identity resolution) → deliver → built-in LRS',
    notes: [
      `${events} signed events per run (one statement each), ${inFlight} in flight, to one hub process with every role; median of ${settings.runs} runs after a warm-up.`,
      'statements/s counts from the first POST until the last statement is in the LRS\'s table (polled every 25 ms).',
      'Delivery is batched: the built-in destination stores up to 100 statements per StatementsService.storeEach call (lingering 50 ms for a batch to fill), claimed from the outbox.',
      `Resolution off: an empty directory, so every actor passes through unchanged (the lookup still runs and misses). On: ${count(DIRECTORY_PEOPLE)} people × 3 identities, the bench's 1000 learners among them, so every actor is rewritten to its canonical one with the source-actor and a cohort extension. Each has its own hub and database, both up at once; their runs alternate (off, on, on, off, …) so the machine's drift falls on both.`,
      'plain INSERT is the same run\'s baseline: the same number of statement-sized rows, 100 per multi-row INSERT and transaction, into a bare table of a fresh database.',
      'hub RSS: after the warm-up → after the last run.',
      'For scale: STACK.md\'s practical ceiling on 2 cores (Fastify → BullMQ → micro-batched INSERT into PostgreSQL) is ~11k statements/s.',
    ],
    columns: ['database', 'identity resolution', 'statements/s', 'vs off', 'plain INSERT rows/s (×100)', 'accepted/s', 'drain after last 202 (s)', 'hub CPU', 'non-202'],
    rows,
  };
}

interface PipelineHub {
  resolution: Resolution;
  database: BenchDatabase;
  prefix: string;
  hub?: ChildServer;
  reader?: HubDatabase;
}

async function measureEngine(settings: BenchSettings, engine: Engine): Promise<{ runs: Record<Resolution, PipelineRun[]>; rssStartMb: number }> {
  const hubs: PipelineHub[] = [];
  try {
    for (const resolution of ['off', 'on'] as const) {
      const database = await freshDatabase(engine, { adminUrl: settings.postgresAdminUrl, namePrefix: 'xapi_hub_bench' });
      const entry: PipelineHub = { resolution, database, prefix: benchQueuePrefix() };
      hubs.push(entry);
      entry.hub = await startHub('all', database, entry.prefix, settings.redisUrl);
      // Opened after the hub has migrated the schema; a second connection, as an LRS reader would be.
      entry.reader = openDatabase(database.url);
      // The hub's directory cache sees the new version within a second; the warm-up covers its reload.
      if (resolution === 'on') await fillDirectory(entry.reader);
      await runOnce(settings, entry.hub, entry.reader, database, 'warmup', Math.min(200, settings.pipeline.events));
    }
    const rssStartMb = (await hubs[0].hub!.rssBytes()) / 2 ** 20;
    const runs: Record<Resolution, PipelineRun[]> = { off: [], on: [] };
    for (let run = 0; run < settings.runs; run++) {
      for (const entry of run % 2 === 0 ? hubs : [...hubs].reverse()) {
        // PostgreSQL statistics as autovacuum would keep them (see PlannerStatistics), between runs.
        await new PlannerStatistics(entry.reader!).refresh(0);
        runs[entry.resolution].push(await runOnce(settings, entry.hub!, entry.reader!, entry.database, `run${run}`, settings.pipeline.events));
      }
    }
    for (const entry of hubs) await checkResolution(entry.reader!, entry.resolution);
    return { runs, rssStartMb };
  } finally {
    for (const entry of hubs) {
      await entry.reader?.db.destroy();
      await entry.hub?.close();
      await deleteQueuePrefix(settings.redisUrl, entry.prefix);
      await entry.database.drop();
    }
  }
}

/** The rows measured what they say: with the directory filled the last statement was rewritten, without it not. */
async function checkResolution(database: HubDatabase, resolution: Resolution): Promise<void> {
  const last = await database.db.selectFrom('outbox').select('statement').orderBy('seq', 'desc').limit(1).executeTakeFirstOrThrow();
  if (last.statement.includes(SOURCE_ACTOR_EXTENSION) !== (resolution === 'on')) {
    throw new Error(`pipeline with resolution ${resolution}: the last statement was ${resolution === 'on' ? 'not ' : ''}resolved`);
  }
}

/** The directory an HR roster would fill: every bench learner (learner-N@example.org) and more, with a team. */
async function fillDirectory(database: HubDatabase): Promise<void> {
  const people = new PeopleRepository(database);
  const resolver = new IdentityResolver(people, new DirectoryCache(people), new HeldStatementsRepository(database), new Map(), new HubLogger(createPinoLogger('silent')));
  const hints = Array.from({ length: DIRECTORY_PEOPLE }, (_, i) => ({
    identities: [{ mbox: `mailto:learner-${i}@example.org` }, { account: { homePage: 'https://acme.slack.com', name: `U${i}` } }, { source: 'bamboohr', id: String(i) }],
    name: `Learner ${i}`,
    attributes: { team: `team-${i % 40}` },
  }));
  for (let i = 0; i < hints.length; i += 500) await resolver.learn('bamboohr', hints.slice(i, i + 500));
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
