import { openDatabase, type HubDatabase } from '../src/store/database';
import { freshDatabase } from '../test/support/test-databases';
import type { ChildServer } from './support/child-process';
import { type PipelineRun, runOnce } from './pipeline.bench';
import { PlannerStatistics } from './support/planner-statistics';
import { benchQueuePrefix, deleteQueuePrefix } from './support/redis';
import { startHub } from './support/servers';
import type { BenchSettings } from './support/settings';
import { median } from './support/stats';
import { type BenchTable, count, percent, ratio } from './support/table';

const WORKER_COUNTS = [1, 2];

/**
 * The pipeline with its roles split (issue #10, "More than one process"): one intake process
 * and 1 or 2 worker processes (normalize + deliver into the built-in LRS) on one Redis and one
 * PostgreSQL database. Same runs as the pipeline bench; CPU is summed over every process.
 */
export async function workersBench(settings: BenchSettings): Promise<BenchTable> {
  const notes = [
    `${settings.pipeline.events} signed events per run, ${settings.pipeline.inFlight} in flight, to one intake process; median of ${settings.runs} runs after a warm-up, PostgreSQL.`,
    'statements/s counts from the first POST until the last statement is in the statements table; CPU is the sum over the intake and worker processes (1.00 = one core).',
    'On a 2-core machine the intake, the workers, PostgreSQL, Redis and the load generator share both cores: a second worker adds parallel normalize and delivery, not a core.',
  ];
  const rows: string[][] = [];
  if (!settings.engines.includes('postgres')) {
    notes.push('Skipped: several processes share PostgreSQL (BENCH_ENGINES has no postgres).');
    return { title: 'Pipeline with 1 and 2 worker processes', notes, columns: [], rows };
  }
  let oneWorker = Number.NaN;
  for (const workers of WORKER_COUNTS) {
    const runs = await measureSplit(settings, workers);
    const rate = median(runs.map((r) => r.statementsPerSecond));
    if (workers === 1) oneWorker = rate;
    rows.push([
      String(workers),
      count(rate),
      ratio(rate, oneWorker),
      count(median(runs.map((r) => r.acceptedPerSecond))),
      median(runs.map((r) => r.drainSeconds)).toFixed(2),
      percent(median(runs.map((r) => r.serverCpu))),
      runs.every((r) => r.failures === '0') ? '0' : runs.map((r) => r.failures).join(' / '),
    ]);
  }
  return {
    title: 'Pipeline with 1 and 2 worker processes',
    notes,
    columns: ['worker processes', 'statements/s', 'vs 1 worker', 'accepted/s', 'drain after last 202 (s)', 'CPU, all processes', 'non-202'],
    rows,
  };
}

async function measureSplit(settings: BenchSettings, workers: number): Promise<PipelineRun[]> {
  const database = await freshDatabase('postgres', { adminUrl: settings.postgresAdminUrl, namePrefix: 'xapi_hub_bench' });
  const prefix = benchQueuePrefix();
  const processes: ChildServer[] = [];
  let reader: HubDatabase | undefined;
  try {
    // Intake first (it migrates), then the workers together.
    processes.push(await startHub('intake', database, prefix, settings.redisUrl));
    processes.push(...(await Promise.all(Array.from({ length: workers }, () => startHub('worker', database, prefix, settings.redisUrl)))));
    const pipeline = combined(processes);
    reader = openDatabase(database.url);
    await runOnce(settings, pipeline, reader, database, `split${workers}-warmup`, Math.min(200, settings.pipeline.events));
    const statistics = new PlannerStatistics(reader);
    const runs: PipelineRun[] = [];
    for (let run = 0; run < settings.runs; run++) {
      await statistics.refresh(0);
      runs.push(await runOnce(settings, pipeline, reader, database, `split${workers}-run${run}`, settings.pipeline.events));
    }
    return runs;
  } finally {
    await reader?.db.destroy();
    await Promise.all(processes.map((p) => p.close()));
    await deleteQueuePrefix(settings.redisUrl, prefix);
    await database.drop();
  }
}

/** The processes seen as one server: the first one's URL, their CPU summed, their largest RSS. */
function combined(processes: ChildServer[]): ChildServer {
  return {
    url: processes[0].url,
    cpuSeconds: async () => (await Promise.all(processes.map((p) => p.cpuSeconds()))).reduce((a, b) => a + b, 0),
    rssBytes: async () => Math.max(...(await Promise.all(processes.map((p) => p.rssBytes())))),
    close: async () => undefined,
  };
}
