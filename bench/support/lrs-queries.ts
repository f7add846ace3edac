import type { HubDatabase } from '../../src/store/database';
import { agentKey } from '../../src/lrs/statements/agent-key';
import { decodeMoreToken, encodeMoreToken } from '../../src/lrs/statements/more-cursor';
import type { StatementQuery } from '../../src/lrs/statements/statement-query-params';
import type { StatementsService } from '../../src/lrs/statements/statements.service';
import { INSTRUCTORS, instructorMbox, LEARNERS, learnerMbox, pick, seededRandom, verbIri, VERBS } from './lrs-data';
import type { BenchSettings } from './settings';
import { mean, median, percentile } from './stats';

// The statement queries the LRS benchmark times, through StatementsService as the /xapi controller calls it.

export interface QueryFigures {
  p50: number;
  p95: number;
  /** Statements on a page, on average: how selective the query is on this data. */
  rows: number;
}

export const QUERY_KINDS = ['unfiltered', 'agentVerbSince', 'relatedAgents', 'morePaging'] as const;
export type QueryKind = (typeof QUERY_KINDS)[number];

export const QUERY_LABELS: Record<QueryKind, string> = {
  unfiltered: 'no filter, newest 100',
  agentVerbSince: 'agent + verb + since, newest 100',
  relatedAgents: 'agent (instructor) + related_agents=true, newest 100',
  morePaging: 'verb, 100 per page, following `more` 10 pages deep',
};

const PAGE = 100;
export const MORE_PAGES = 10;

/** Times every query kind on a filled LRS database. */
export async function measureQueries(
  settings: BenchSettings,
  service: StatementsService,
  lrs: HubDatabase,
  rows: number,
  kinds: readonly QueryKind[] = QUERY_KINDS,
): Promise<Partial<Record<QueryKind, QueryFigures>>> {
  // "since" half-way through the table: the newer half of every learner's history matches.
  const middle = await lrs.db
    .selectFrom('statements')
    .select('stored')
    .orderBy('seq')
    .offset(Math.floor(rows / 2))
    .limit(1)
    .executeTakeFirstOrThrow();
  const random = seededRandom(7);
  const learner = () => agentKey({ mbox: learnerMbox(pick(random, LEARNERS)) })!;
  const instructor = () => agentKey({ mbox: instructorMbox(pick(random, INSTRUCTORS)) })!;
  const verb = () => verbIri(VERBS[pick(random, VERBS.length)]);

  const one =
    (query: StatementQuery): Sampler =>
    async () => {
      const started = performance.now();
      const page = await service.query(query);
      return [{ ms: performance.now() - started, rows: page.statements.length }];
    };
  // Each entry picks its parameters (untimed) and returns the timed call.
  const samplers: Record<QueryKind, () => Sampler> = {
    unfiltered: () => one({ limit: PAGE }),
    agentVerbSince: () => one({ agentKey: learner(), verbId: verb(), since: middle.stored, limit: PAGE }),
    relatedAgents: () => one({ agentKey: instructor(), relatedAgents: true, limit: PAGE }),
    morePaging: () => morePages({ verbId: verb(), limit: PAGE }, service),
  };

  const figures: Partial<Record<QueryKind, QueryFigures>> = {};
  for (const kind of kinds) figures[kind] = await timeQueries(settings, samplers[kind]);
  return figures;
}

/** One timed page read. */
interface Sample {
  ms: number;
  rows: number;
}
type Sampler = () => Promise<Sample[]>;

/**
 * Pages through a query as a client following `more` links would: each page's token is
 * encoded and decoded as the controller does, and each page is one sample.
 */
function morePages(query: StatementQuery, service: StatementsService): Sampler {
  return async () => {
    const samples: Sample[] = [];
    let cursor: StatementQuery | undefined = query;
    for (let page = 0; page < MORE_PAGES && cursor; page++) {
      const started = performance.now();
      const result = await service.query(cursor);
      const token = result.nextAfterSeq === undefined ? undefined : encodeMoreToken({ query, output: { format: 'exact', attachments: false } }, result.nextAfterSeq);
      cursor = token === undefined ? undefined : decodeMoreToken(token)?.query;
      samples.push({ ms: performance.now() - started, rows: result.statements.length });
    }
    return samples;
  };
}

/** `runs` runs of BENCH_QUERIES calls after a short warm-up; p50/p95 per run, median over runs. */
async function timeQueries(settings: BenchSettings, sampler: () => Sampler): Promise<QueryFigures> {
  for (let i = 0; i < 10; i++) await sampler()();
  const runs: QueryFigures[] = [];
  for (let run = 0; run < settings.runs; run++) {
    const samples: Sample[] = [];
    for (let i = 0; i < settings.store.queries; i++) samples.push(...(await sampler()()));
    const latencies = samples.map((s) => s.ms);
    runs.push({ p50: percentile(latencies, 50), p95: percentile(latencies, 95), rows: mean(samples.map((s) => s.rows)) });
  }
  return { p50: median(runs.map((r) => r.p50)), p95: median(runs.map((r) => r.p95)), rows: median(runs.map((r) => r.rows)) };
}
