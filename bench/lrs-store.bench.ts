import { type HubDatabase, openDatabase } from '../src/store/database';
import { migrateToLatest } from '../src/store/migrations';
import { HUB_DELIVERY_AUTHORITY } from '../src/lrs/auth/lrs-credentials';
import { AttachmentStore } from '../src/lrs/attachments/attachment-store';
import { StatementStore } from '../src/lrs/statements/statement-store';
import { StatementsService } from '../src/lrs/statements/statements.service';
import type { Statement } from '../src/xapi/statement';
import { freshDatabase, type TestDatabase as BenchDatabase } from '../test/support/test-databases';
import { INSTRUCTORS, LEARNERS, learningStatement, seededRandom, VERBS } from './support/lrs-data';
import { MORE_PAGES, measureQueries, QUERY_KINDS, QUERY_LABELS, type QueryFigures, type QueryKind } from './support/lrs-queries';
import { PlainStatementTable } from './support/plain-table';
import { PlannerStatistics } from './support/planner-statistics';
import type { Scoreboard } from './support/scoreboard';
import type { BenchSettings, Engine } from './support/settings';
import { median } from './support/stats';
import { type BenchTable, count, ms, ratio } from './support/table';

interface InsertFigures {
  lrsBatch: number;
  plainBatch: number;
  lrsSingle: number;
  plainSingle: number;
}

/**
 * The built-in LRS's store on each database: bulk insert through StatementsService (validate,
 * prepare, store with links) against plain INSERTs of the same JSON, then the statement
 * queries at BENCH_ROWS rows.
 */
export async function lrsStoreBench(settings: BenchSettings, scoreboard: Scoreboard): Promise<BenchTable[]> {
  const inserts = new Map<Engine, InsertFigures>();
  const queries = new Map<Engine, Record<QueryKind, QueryFigures>>();
  const small = new Map<Engine, Partial<Record<QueryKind, QueryFigures>>>();
  for (const engine of settings.engines) {
    small.set(engine, await measureSmallTable(settings, engine));
    const lrsDb = await freshDatabase(engine, { adminUrl: settings.postgresAdminUrl, namePrefix: 'xapi_hub_bench' });
    const plainDb = await freshDatabase(engine, { adminUrl: settings.postgresAdminUrl, namePrefix: 'xapi_hub_bench' });
    try {
      await withDatabases(lrsDb, plainDb, async (lrs, plain) => {
        const service = new StatementsService(new StatementStore(lrs), new AttachmentStore(lrs));
        const table = await PlainStatementTable.create(plain);
        const statistics = new PlannerStatistics(lrs);
        inserts.set(engine, await measureInserts(settings, engine, { service, table, statistics }));
        await statistics.refresh(settings.store.rows);
        queries.set(engine, (await measureQueries(settings, service, lrs, settings.store.rows)) as Record<QueryKind, QueryFigures>);
        progress(`${engine}: queries done`);
      });
    } finally {
      await lrsDb.drop();
      await plainDb.drop();
    }
  }
  recordHeadlines(settings, scoreboard, inserts, queries, small);
  return [insertTable(settings, inserts), queryTable(settings, queries, small)];
}

/** Rows in the small table the 1M-row query times are compared with (issue #10: "1M/10k ratio"). */
const SMALL_ROWS = 10_000;
const SCALED_KINDS = ['agentVerbSince', 'relatedAgents'] as const;

/** The same queries on a table of SMALL_ROWS, filled the same way: how much the big table costs. */
async function measureSmallTable(settings: BenchSettings, engine: Engine): Promise<Partial<Record<QueryKind, QueryFigures>>> {
  const fresh = await freshDatabase(engine, { adminUrl: settings.postgresAdminUrl, namePrefix: 'xapi_hub_bench' });
  const lrs = openDatabase(fresh.url);
  try {
    await migrateToLatest(lrs);
    const service = new StatementsService(new StatementStore(lrs), new AttachmentStore(lrs));
    const random = seededRandom(42);
    for (let first = 0; first < SMALL_ROWS; first += 500) {
      const statements = Array.from({ length: Math.min(500, SMALL_ROWS - first) }, (_, i) => learningStatement(random, first + i));
      await service.store(statements, HUB_DELIVERY_AUTHORITY, '1.0.3');
    }
    await new PlannerStatistics(lrs).refresh(SMALL_ROWS);
    const figures = await measureQueries(settings, service, lrs, SMALL_ROWS, SCALED_KINDS);
    progress(`${engine}: queries at ${count(SMALL_ROWS)} rows done`);
    return figures;
  } finally {
    await lrs.db.destroy();
    await fresh.drop();
  }
}

function recordHeadlines(
  settings: BenchSettings,
  scoreboard: Scoreboard,
  inserts: Map<Engine, InsertFigures>,
  queries: Map<Engine, Record<QueryKind, QueryFigures>>,
  small: Map<Engine, Partial<Record<QueryKind, QueryFigures>>>,
): void {
  const engines = [...inserts.keys()];
  for (const engine of engines) {
    scoreboard.facts.set(`lrs-batch-${engine}`, inserts.get(engine)!.lrsBatch);
    scoreboard.facts.set(`plain-batch-${engine}`, inserts.get(engine)!.plainBatch);
  }
  const each = (text: (engine: Engine) => string) => engines.map((engine) => `${text(engine)} ${engineName(engine)}`).join('; ');
  scoreboard.set('lrsWrite', {
    measured: each((e) => `${count(inserts.get(e)!.lrsBatch)} rows/s`),
    baseline: each((e) => `plain INSERT ${count(inserts.get(e)!.plainBatch)}`),
    ratio: engines.map((e) => ratio(inserts.get(e)!.lrsBatch, inserts.get(e)!.plainBatch)).join(' / '),
  });
  const at = `at ${count(settings.store.rows)} rows`;
  for (const kind of SCALED_KINDS) {
    scoreboard.set(kind, {
      measured: `${at}: ${each((e) => `p95 ${ms(queries.get(e)![kind].p95)} ms`)}`,
      baseline: `at ${count(SMALL_ROWS)} rows: ${each((e) => `p95 ${ms(small.get(e)![kind]!.p95)} ms`)}`,
      ratio: engines.map((e) => ratio(queries.get(e)![kind].p95, small.get(e)![kind]!.p95)).join(' / '),
    });
  }
}

async function withDatabases(a: BenchDatabase, b: BenchDatabase, work: (lrs: HubDatabase, plain: HubDatabase) => Promise<void>): Promise<void> {
  const lrs = openDatabase(a.url);
  const plain = openDatabase(b.url);
  try {
    await migrateToLatest(lrs);
    await work(lrs, plain);
  } finally {
    await lrs.db.destroy();
    await plain.db.destroy();
  }
}

interface Writers {
  service: StatementsService;
  table: PlainStatementTable;
  statistics: PlannerStatistics;
}

/**
 * Fills the LRS to BENCH_ROWS in `runs` equal parts, each batch written to the LRS and then
 * to the plain table (interleaved, so background load hits both alike); each part is a run.
 * Then single-statement writes, which is how the deliver worker calls the LRS today.
 */
async function measureInserts(settings: BenchSettings, engine: Engine, writers: Writers): Promise<InsertFigures> {
  const random = seededRandom(42);
  const { rows, batch, singles } = settings.store;
  const perRun = Math.ceil(rows / settings.runs);
  let written = 0;
  const batchRuns: { lrs: number; plain: number }[] = [];
  for (let run = 0; run < settings.runs && written < rows; run++) {
    const size = Math.min(perRun, rows - written);
    const times = await writeBoth(writers, random, written, size, batch);
    written += size;
    batchRuns.push({ lrs: size / (times.lrsMs / 1000), plain: size / (times.plainMs / 1000) });
    progress(`${engine}: ${count(written)} rows; this part LRS ${count(batchRuns[run].lrs)} rows/s, plain ${count(batchRuns[run].plain)} rows/s`);
  }
  const singleRuns: { lrs: number; plain: number }[] = [];
  for (let run = 0; run < settings.runs; run++) {
    const times = await writeBoth(writers, random, written, singles, 1);
    written += singles;
    singleRuns.push({ lrs: singles / (times.lrsMs / 1000), plain: singles / (times.plainMs / 1000) });
  }
  return {
    lrsBatch: median(batchRuns.map((r) => r.lrs)),
    plainBatch: median(batchRuns.map((r) => r.plain)),
    lrsSingle: median(singleRuns.map((r) => r.lrs)),
    plainSingle: median(singleRuns.map((r) => r.plain)),
  };
}

async function writeBoth({ service, table, statistics }: Writers, random: () => number, first: number, total: number, batch: number) {
  let lrsMs = 0;
  let plainMs = 0;
  for (let done = 0; done < total; done += batch) {
    // Statements are made, and statistics refreshed, outside the timed part; only the writes are measured.
    await statistics.refreshIfStale(first + done);
    const statements: Statement[] = [];
    for (let i = 0; i < Math.min(batch, total - done); i++) statements.push(learningStatement(random, first + done + i));
    const plainRows = statements.map((s) => ({ id: s.id!, body: JSON.stringify(s) }));
    let started = performance.now();
    await service.store(statements, HUB_DELIVERY_AUTHORITY, '1.0.3');
    lrsMs += performance.now() - started;
    started = performance.now();
    await table.insert(plainRows);
    plainMs += performance.now() - started;
  }
  return { lrsMs, plainMs };
}

/** Long fills (BENCH_ROWS=1000000 takes a while) say how far they are; stderr keeps stdout a clean report. */
function progress(text: string): void {
  process.stderr.write(`  lrs-store ${text}\n`);
}

function engineName(engine: Engine): string {
  return engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
}

function insertTable(settings: BenchSettings, figures: Map<Engine, InsertFigures>): BenchTable {
  const engines = [...figures.keys()];
  const { rows, batch, singles } = settings.store;
  const line = (name: string, value: (f: InsertFigures) => number, baseline: (f: InsertFigures) => number) => [
    name,
    ...engines.flatMap((e) => [count(value(figures.get(e)!)), ratio(value(figures.get(e)!), baseline(figures.get(e)!))]),
  ];
  return {
    title: 'LRS store: inserts',
    notes: [
      `Batches of ${batch}: the table filled to ${count(rows)} rows in ${settings.runs} parts, median part (later parts write into a bigger table). Batch of 1: ${count(singles)} statements × ${settings.runs} runs, after the fill.`,
      'LRS = StatementsService.store (validate, prepare, one transaction with link rows, voiding and conflict checks); plain = one INSERT of the same JSON into a bare table (integer key, unique id, body), one transaction per batch. Both on the same engine and settings, interleaved batch by batch.',
    ],
    columns: ['writer', ...engines.flatMap((e) => [`${engineName(e)} rows/s`, 'vs plain'])],
    rows: [
      line(`LRS, batches of ${batch}`, (f) => f.lrsBatch, (f) => f.plainBatch),
      line(`plain INSERT, batches of ${batch} (baseline)`, (f) => f.plainBatch, (f) => f.plainBatch),
      line('LRS, 1 statement per call (what the deliver worker does)', (f) => f.lrsSingle, (f) => f.plainSingle),
      line('plain INSERT, 1 row per transaction (baseline)', (f) => f.plainSingle, (f) => f.plainSingle),
    ],
  };
}

function queryTable(
  settings: BenchSettings,
  figures: Map<Engine, Record<QueryKind, QueryFigures>>,
  small: Map<Engine, Partial<Record<QueryKind, QueryFigures>>>,
): BenchTable {
  const engines = [...figures.keys()];
  const first = figures.get(engines[0]);
  const smallRows = SCALED_KINDS.map((kind) => [
    `${QUERY_LABELS[kind]}, at ${count(SMALL_ROWS)} rows (baseline for the ratio)`,
    ...engines.flatMap((e) => [ms(small.get(e)![kind]!.p50), ms(small.get(e)![kind]!.p95)]),
    count(small.get(engines[0])![kind]!.rows),
  ]);
  return {
    title: `LRS store: statement queries at ${count(settings.store.rows)} rows`,
    notes: [
      `StatementsService.query (SQL + JSON.parse of each row), one at a time; ${settings.store.queries} queries per run (the paging row: ${settings.store.queries} walks of up to ${MORE_PAGES} pages, each page timed), p50/p95 per run, median of ${settings.runs} runs.`,
      `Data: ${LEARNERS} learners, ${INSTRUCTORS} instructors (context.instructor), ${VERBS.length} verbs, uniform; "since" = the middle row's stored. PostgreSQL is ANALYZEd during and after the fill, as autovacuum would. STACK.md at 1M rows: agent + verb + since p95 0.4 ms (SQLite), 0.9 ms (PostgreSQL).`,
    ],
    columns: ['query', ...engines.flatMap((e) => [`${engineName(e)} p50 ms`, 'p95 ms']), 'rows/page'],
    rows: [
      ...QUERY_KINDS.map((kind) => [
        QUERY_LABELS[kind],
        ...engines.flatMap((e) => [ms(figures.get(e)![kind].p50), ms(figures.get(e)![kind].p95)]),
        first ? count(first[kind].rows) : '—',
      ]),
      ...smallRows,
    ],
  };
}
