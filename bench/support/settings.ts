/**
 * Every knob of `npm run bench`, read once from the environment. Defaults keep the whole run
 * under ~5 minutes on a 2-core machine; larger sizes are opt-in (e.g. BENCH_ROWS=1000000).
 */
export interface BenchSettings {
  /** Which benchmarks to run, in this order. */
  only: BenchName[];
  /** Measured runs per case; tables show the median of them. */
  runs: number;
  engines: Engine[];
  redisUrl: string;
  postgresAdminUrl: string;
  intake: { seconds: number; inFlight: number; maxRequests: number };
  pipeline: { events: number; inFlight: number; timeoutSeconds: number };
  /** Intake's open-loop run: p99 at this fixed rate. */
  intakeFixedRate: number;
  lag: { ratePerSecond: number; seconds: number };
  store: { rows: number; batch: number; singles: number; queries: number };
  validator: { seconds: number };
  health: { connections: number; seconds: number };
}

export const BENCH_NAMES = ['validator', 'identity', 'lrs-store', 'intake', 'pipeline', 'workers', 'lag', 'cold-start', 'health'] as const;
export type BenchName = (typeof BENCH_NAMES)[number];
export type Engine = 'sqlite' | 'postgres';

export function readSettings(env: NodeJS.ProcessEnv = process.env): BenchSettings {
  return {
    only: list(env, 'BENCH_ONLY', BENCH_NAMES),
    runs: int(env, 'BENCH_RUNS', 3),
    engines: list(env, 'BENCH_ENGINES', ['sqlite', 'postgres'] as const),
    redisUrl: env.REDIS_URL ?? 'redis://127.0.0.1:6379',
    postgresAdminUrl: env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    intake: {
      seconds: int(env, 'BENCH_INTAKE_SECONDS', 5),
      inFlight: int(env, 'BENCH_INTAKE_IN_FLIGHT', 64),
      maxRequests: int(env, 'BENCH_INTAKE_MAX_REQUESTS', 500_000),
    },
    pipeline: {
      events: int(env, 'BENCH_PIPELINE_EVENTS', 2000),
      inFlight: int(env, 'BENCH_PIPELINE_IN_FLIGHT', 32),
      timeoutSeconds: int(env, 'BENCH_PIPELINE_TIMEOUT_SECONDS', 120),
    },
    intakeFixedRate: int(env, 'BENCH_INTAKE_FIXED_RATE', 2000),
    lag: { ratePerSecond: int(env, 'BENCH_LAG_RATE', 1000), seconds: int(env, 'BENCH_LAG_SECONDS', 3) },
    store: {
      rows: int(env, 'BENCH_ROWS', 100_000),
      batch: int(env, 'BENCH_BATCH', 100),
      singles: int(env, 'BENCH_SINGLES', 1000),
      queries: int(env, 'BENCH_QUERIES', 100),
    },
    validator: { seconds: int(env, 'BENCH_VALIDATOR_SECONDS', 1) },
    health: { connections: int(env, 'BENCH_HEALTH_CONNECTIONS', 10_000), seconds: int(env, 'BENCH_HEALTH_SECONDS', 10) },
  };
}

export class BenchSettingsError extends Error {}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const text = env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text.replace(/_/g, ''));
  if (!Number.isInteger(value) || value <= 0) throw new BenchSettingsError(`${name} must be a whole number > 0, not "${text}"`);
  return value;
}

function list<T extends string>(env: NodeJS.ProcessEnv, name: string, allowed: readonly T[]): T[] {
  const text = env[name];
  if (text === undefined || text === '') return [...allowed];
  const wanted = text.split(',').map((item) => item.trim()).filter((item) => item !== '');
  const unknown = wanted.filter((item) => !(allowed as readonly string[]).includes(item));
  if (unknown.length > 0) throw new BenchSettingsError(`${name}: unknown ${unknown.join(', ')}; choose from ${allowed.join(', ')}`);
  // Keep the canonical order whatever order was asked for.
  return allowed.filter((item) => wanted.includes(item));
}
