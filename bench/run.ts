import { loadavg } from 'node:os';
import { identityBench } from './identity.bench';
import { healthBench } from './health.bench';
import { coldStartBench } from './cold-start.bench';
import { intakeBench } from './intake.bench';
import { lagBench } from './lag.bench';
import { lrsStoreBench } from './lrs-store.bench';
import { pipelineBench } from './pipeline.bench';
import { describeMachine } from './support/machine';
import { Scoreboard } from './support/scoreboard';
import { type BenchName, type BenchSettings, BenchSettingsError, readSettings } from './support/settings';
import { type BenchTable, renderTable } from './support/table';
import { validatorBench } from './validator.bench';
import { workersBench } from './workers.bench';

const BENCHES: Record<BenchName, (settings: BenchSettings, scoreboard: Scoreboard) => Promise<BenchTable[]>> = {
  validator: validatorBench,
  identity: identityBench,
  'lrs-store': lrsStoreBench,
  intake: async (settings, scoreboard) => [await intakeBench(settings, scoreboard)],
  pipeline: async (settings, scoreboard) => [await pipelineBench(settings, scoreboard)],
  workers: async (settings) => [await workersBench(settings)],
  lag: async (settings, scoreboard) => [await lagBench(settings, scoreboard)],
  'cold-start': coldStartBench,
  health: async (settings) => [await healthBench(settings)],
};

/** `npm run bench`: prints the machine, then each benchmark's tables as soon as it has them. */
async function main(): Promise<void> {
  const settings = readSettings();
  const started = performance.now();
  const out = (text: string) => process.stdout.write(`${text}\n`);
  out('## xapi-hub benchmarks\n');
  out((await describeMachine(settings.redisUrl, settings.postgresAdminUrl)).join('\n'));
  out(`- settings: ${describeSettings(settings)}\n`);
  const scoreboard = new Scoreboard();
  for (const name of settings.only) {
    const benchStarted = performance.now();
    process.stderr.write(`running ${name}…\n`);
    for (const table of await BENCHES[name](settings, scoreboard)) out(renderTable(table));
    out(`(${name}: ${Math.round((performance.now() - benchStarted) / 1000)} s)\n`);
  }
  out(renderTable(scoreboard.table()));
  // Other work that started mid-run shows here rather than in the header.
  out(`(whole run: ${Math.round((performance.now() - started) / 1000)} s; load average at the end: ${loadavg()[0].toFixed(2)})`);
}

function describeSettings(s: BenchSettings): string {
  return [
    `BENCH_RUNS=${s.runs}`,
    `BENCH_ENGINES=${s.engines.join(',')}`,
    `BENCH_ROWS=${s.store.rows}`,
    `BENCH_BATCH=${s.store.batch}`,
    `BENCH_INTAKE_SECONDS=${s.intake.seconds}`,
    `BENCH_INTAKE_IN_FLIGHT=${s.intake.inFlight}`,
    `BENCH_PIPELINE_EVENTS=${s.pipeline.events}`,
    `BENCH_HEALTH_CONNECTIONS=${s.health.connections}`,
    `BENCH_HEALTH_SECONDS=${s.health.seconds}`,
    `BENCH_INTAKE_FIXED_RATE=${s.intakeFixedRate}`,
    `BENCH_LAG_RATE=${s.lag.ratePerSecond}`,
    `BENCH_LAG_SECONDS=${s.lag.seconds}`,
  ].join(' ');
}

main().then(
  // Pools and agents may keep handles open; the run is over once the tables are out.
  () => process.exit(0),
  (error: unknown) => {
    const text = error instanceof BenchSettingsError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    process.stderr.write(`bench failed: ${text}\n`);
    process.exit(1);
  },
);
