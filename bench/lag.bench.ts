import { freshDatabase } from '../test/support/test-databases';
import type { ChildServer } from './support/child-process';
import { describeFailures, generateLoad } from './support/load';
import { benchQueuePrefix, deleteQueuePrefix } from './support/redis';
import type { Scoreboard } from './support/scoreboard';
import { BENCH_LRS_KEY, BENCH_LRS_SECRET, startHub } from './support/servers';
import type { BenchSettings, Engine } from './support/settings';
import { median, percentile } from './support/stats';
import { type BenchTable, count, ms } from './support/table';
import { signedHeaders, WEBHOOK_INSTANCE } from './support/webhook';

interface LagRun {
  p50: number;
  p95: number;
  max: number;
  acceptedPerSecond: number;
  failures: string;
  /** Accepted events whose statement no poll returned before BENCH_PIPELINE_TIMEOUT_SECONDS. */
  unreadable: number;
}

const POLL_MS = 25;
/** Each event's `at` (the statement's timestamp) is this instant plus its number in seconds: how a statement read back is matched to its 202. */
const FIRST_AT = Date.UTC(2026, 0, 1);
const AUTHORIZATION = `Basic ${Buffer.from(`${BENCH_LRS_KEY}:${BENCH_LRS_SECRET}`).toString('base64')}`;

/**
 * What a new user sees: webhooks at a fixed rate (open loop), and a client polling
 * GET /xapi/statements every 25 ms from the last Consistent-Through it was given; the lag of
 * an event is from its 202 until the poll that first returned its statement.
 */
export async function lagBench(settings: BenchSettings, scoreboard: Scoreboard): Promise<BenchTable> {
  const rows: string[][] = [];
  const measured: string[] = [];
  for (const engine of settings.engines) {
    const runs = await measureEngine(settings, engine);
    const name = engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
    const p95 = median(runs.map((r) => r.p95));
    measured.push(`p95 ${ms(p95)} ms ${name}`);
    rows.push([
      name,
      count(median(runs.map((r) => r.acceptedPerSecond))),
      ms(median(runs.map((r) => r.p50))),
      ms(p95),
      ms(median(runs.map((r) => r.max))),
      runs.every((r) => r.failures === '0') ? '0' : runs.map((r) => r.failures).join(' / '),
      runs.map((r) => r.unreadable).join(' / '),
    ]);
  }
  const { ratePerSecond, seconds } = settings.lag;
  scoreboard.set('lag', { measured: `at ${count(ratePerSecond)}/s: ${measured.join('; ')}`, baseline: '–', ratio: '–' });
  return {
    title: `202 → readable by GET /xapi/statements, at ${count(ratePerSecond)} webhooks/s`,
    notes: [
      `${count(ratePerSecond * seconds)} signed events per run offered at ${count(ratePerSecond)}/s for ${seconds} s (open loop) to one hub with every role; median of ${settings.runs} runs.`,
      `A reader polls GET /xapi/statements?since=<last Consistent-Through>&ascending=true every ${POLL_MS} ms (following \`more\`); lag = from an event's 202 to the poll that returned its statement.`,
    ],
    columns: ['database', 'accepted/s', 'lag p50 ms', 'lag p95 ms', 'lag max ms', 'non-202', 'unreadable (per run)'],
    rows,
  };
}

async function measureEngine(settings: BenchSettings, engine: Engine): Promise<LagRun[]> {
  const database = await freshDatabase(engine, { adminUrl: settings.postgresAdminUrl, namePrefix: 'xapi_hub_bench' });
  const prefix = benchQueuePrefix();
  let hub: ChildServer | undefined;
  try {
    hub = await startHub('all', database, prefix, settings.redisUrl);
    const reader = new Reader(hub.url);
    let first = 0;
    const warmup = Math.min(200, settings.lag.ratePerSecond);
    await runOnce(settings, hub, reader, first, warmup, Math.max(1, warmup / settings.lag.seconds));
    first += warmup;
    const runs: LagRun[] = [];
    const events = settings.lag.ratePerSecond * settings.lag.seconds;
    for (let run = 0; run < settings.runs; run++) {
      runs.push(await runOnce(settings, hub, reader, first, events, settings.lag.ratePerSecond));
      first += events;
    }
    return runs;
  } finally {
    await hub?.close();
    await deleteQueuePrefix(settings.redisUrl, prefix);
    await database.drop();
  }
}

async function runOnce(settings: BenchSettings, hub: ChildServer, reader: Reader, first: number, events: number, rate: number): Promise<LagRun> {
  const acceptedAt = new Map<number, number>();
  let posted = false;
  const posting = generateLoad({
    url: hub.url,
    // Enough lanes that a slow answer does not hold back the next due request.
    inFlight: 256,
    durationMs: settings.pipeline.timeoutSeconds * 1000,
    maxRequests: events,
    ratePerSecond: rate,
    expectStatus: 202,
    request: (n) => {
      const body = JSON.stringify({
        id: `lag-${first + n}`,
        email: `learner-${n % 1000}@example.org`,
        name: 'Learner',
        verb: 'completed',
        course: 'https://lms.example.org/course/1',
        title: 'Safety 101',
        at: new Date(FIRST_AT + (first + n) * 1000).toISOString(),
      });
      return { path: `/hooks/${WEBHOOK_INSTANCE}`, headers: signedHeaders(body), body };
    },
    onAnswer: (n, outcome, at) => {
      if (outcome === '202') acceptedAt.set(first + n, at);
    },
  }).finally(() => (posted = true));

  // When each event's statement was first returned; a statement can come back before its 202 has.
  const seenAt = new Map<number, number>();
  const unseen = () => [...acceptedAt.keys()].some((n) => !seenAt.has(n));
  const deadline = performance.now() + settings.pipeline.timeoutSeconds * 1000;
  while (!posted || unseen()) {
    // A statement never readable is reported (column "unreadable"), not waited for forever.
    if (performance.now() > deadline) break;
    const pollStarted = performance.now();
    for (const n of await reader.poll()) seenAt.set(n, pollStarted);
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  const lags = [...acceptedAt].filter(([n]) => seenAt.has(n)).map(([n, accepted]) => Math.max(0, seenAt.get(n)! - accepted));
  const unreadable = [...acceptedAt.keys()].filter((n) => !seenAt.has(n));
  if (unreadable.length > 0) progress(`lag: ${unreadable.length} accepted events unreadable after ${settings.pipeline.timeoutSeconds} s (event ids lag-${unreadable.slice(0, 5).join(', lag-')})`);
  const result = await posting;
  return {
    p50: percentile(lags, 50),
    p95: percentile(lags, 95),
    max: Math.max(...lags),
    acceptedPerSecond: result.ok / (result.elapsedMs / 1000),
    failures: describeFailures(result.failed),
    unreadable: unreadable.length,
  };
}

function progress(text: string): void {
  process.stderr.write(`  ${text}\n`);
}

/** A client of /xapi/statements that reads each statement once, from the last Consistent-Through on. */
class Reader {
  private since = new Date(0).toISOString();
  private readonly seen = new Set<string>();

  constructor(private readonly url: string) {}

  /** The event numbers of statements first seen in this poll. */
  async poll(): Promise<number[]> {
    const fresh: number[] = [];
    let next: string | undefined = `/xapi/statements?since=${encodeURIComponent(this.since)}&ascending=true&limit=500`;
    let through: string | undefined;
    while (next) {
      const answer = await fetch(new URL(next, this.url), { headers: { authorization: AUTHORIZATION, 'x-experience-api-version': '1.0.3' } });
      if (answer.status !== 200) throw new Error(`GET /xapi/statements answered ${answer.status}: ${await answer.text()}`);
      through ??= answer.headers.get('x-experience-api-consistent-through') ?? undefined;
      const page = (await answer.json()) as { statements: { id: string; timestamp: string }[]; more?: string };
      for (const statement of page.statements) {
        if (this.seen.has(statement.id)) continue;
        this.seen.add(statement.id);
        fresh.push(Math.round((Date.parse(statement.timestamp) - FIRST_AT) / 1000));
      }
      next = page.more || undefined;
    }
    // Everything stored up to the first answer's Consistent-Through has now been read.
    if (through) this.since = through;
    return fresh;
  }
}
