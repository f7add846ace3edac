import type { BenchTable } from './table';

/** The rows of issue #10's table, in its order: each benchmark fills the ones it measures. */
export const HEADLINES = ['intake', 'endToEnd', 'lag', 'lrsWrite', 'agentVerbSince', 'relatedAgents', 'coldStart', 'rss'] as const;
export type HeadlineKey = (typeof HEADLINES)[number];

const FIGURES: Record<HeadlineKey, { figure: string; target: string }> = {
  intake: { figure: 'intake, signed webhook → 202', target: '≥ 12,000 req/s (≥ 0.5×); p99 ≤ 10 ms at a fixed 2,000 req/s' },
  endToEnd: { figure: 'webhook → built-in LRS, end to end', target: '≥ 6,000/s PostgreSQL, ≥ 5,000/s SQLite (sustained 60 s, 1M stored)' },
  lag: { figure: '202 → readable by GET /xapi/statements', target: 'p95 ≤ 250 ms at 1,000/s' },
  lrsWrite: { figure: 'LRS write, batches of 100', target: '≥ 10,000 rows/s PostgreSQL' },
  agentVerbSince: { figure: 'agent + verb + since', target: 'p95 ≤ 10 ms both; ratio to 10k rows ≤ 1.5' },
  relatedAgents: { figure: '`related_agents=true`', target: 'p95 ≤ 20 ms both' },
  coldStart: { figure: 'cold start to /health', target: '≤ 2 s after the first build' },
  rss: { figure: 'RSS per process under load', target: '≤ 250 MB, flat' },
};

export interface Headline {
  measured: string;
  baseline: string;
  ratio: string;
}

/** Collects the headline figures of a run and prints them as the table. */
export class Scoreboard {
  private readonly headlines = new Map<HeadlineKey, Headline>();
  private readonly rss: string[] = [];
  /** Figures one benchmark measured and another uses as its baseline (e.g. the store's batched write rate). */
  readonly facts = new Map<string, number>();

  set(key: HeadlineKey, headline: Headline): void {
    this.headlines.set(key, headline);
  }

  /** One server process's RSS after its warm-up and at the end of its load, MB. */
  addRss(process: string, startMb: number, endMb: number): void {
    this.rss.push(`${process} ${Math.round(startMb)} → ${Math.round(endMb)} MB`);
    this.set('rss', { measured: this.rss.join('; '), baseline: '', ratio: '' });
  }

  table(): BenchTable {
    return {
      title: 'Summary: issue #10 figures, this run',
      notes: ['Each figure beside its same-run baseline; "—" where this run did not measure it (see BENCH_ONLY). Details in the tables above.'],
      columns: ['figure', 'measured', 'same-run baseline', 'ratio', 'target'],
      rows: HEADLINES.map((key) => {
        const headline = this.headlines.get(key);
        return [FIGURES[key].figure, headline?.measured ?? '—', headline?.baseline ?? '—', headline?.ratio ?? '—', FIGURES[key].target];
      }),
    };
  }
}
