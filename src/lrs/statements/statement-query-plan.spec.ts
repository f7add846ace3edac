import { randomUUID } from 'node:crypto';
import { type CompiledQuery, sql } from 'kysely';
import type { HubDatabase } from '../../store/database';
import type { Actor, Statement } from '../../xapi/statement';
import { type MigratedTestDatabase, migratedDatabase, TEST_ENGINES } from '../../../test/support/test-databases';
import { agentKey } from './agent-key';
import { prepareStatement } from './prepare-statement';
import type { StatementQuery } from './statement-query-params';
import { StatementStore } from './statement-store';

// Which indexes the database uses for the queries that must stay fast at 1M rows
// (bench/README.md has the timings). No timings here: the plan is what must not regress.

const AUTHORITY: Actor = { objectType: 'Agent', account: { homePage: 'http://hub.example', name: 'writer' } };
const LEARNERS = 100;
const INSTRUCTORS = 50;
const VERBS = 8;
const STATEMENTS = 4000;
const learner = (n: number) => `mailto:learner-${n}@example.org`;
const instructor = (n: number) => `mailto:instructor-${n}@example.org`;
const verb = (n: number) => `http://example.org/verbs/v${n}`;

function statement(n: number): Statement {
  return {
    id: randomUUID(),
    actor: { objectType: 'Agent', mbox: learner(n % LEARNERS) },
    verb: { id: verb(n % VERBS) },
    object: { id: `http://example.org/course/${n % 50}` },
    context: { instructor: { objectType: 'Agent', mbox: instructor(n % INSTRUCTORS) } },
  };
}

/** Every index a plan reads and every table it reads without one. */
interface PlanSummary {
  indexes: string[];
  fullScans: string[];
}

async function planOf(database: HubDatabase, store: StatementStore, query: StatementQuery | CompiledQuery): Promise<PlanSummary> {
  const compiled = 'sql' in query ? query : store.selectFor(query).compile();
  if (database.engine === 'postgres') {
    const { rows } = await database.db.executeQuery<{ 'QUERY PLAN': unknown }>({
      ...compiled,
      sql: `explain (format json) ${compiled.sql}`,
    });
    const summary: PlanSummary = { indexes: [], fullScans: [] };
    const walk = (node: Record<string, unknown>) => {
      if (typeof node['Index Name'] === 'string') summary.indexes.push(node['Index Name']);
      if (node['Node Type'] === 'Seq Scan') summary.fullScans.push(String(node['Relation Name']));
      for (const child of (node.Plans as Record<string, unknown>[] | undefined) ?? []) walk(child);
    };
    walk((rows[0]['QUERY PLAN'] as { Plan: Record<string, unknown> }[])[0].Plan);
    return summary;
  }
  const { rows } = await database.db.executeQuery<{ detail: string }>({ ...compiled, sql: `explain query plan ${compiled.sql}` });
  return {
    indexes: rows.flatMap((row) => /USING (?:COVERING )?INDEX (\w+)/.exec(row.detail)?.[1] ?? []),
    // "SCAN s" alone is a whole-table scan; "SCAN s USING INDEX …" and "SCAN m" (a subquery's rows) are not.
    fullScans: rows.filter((row) => /^SCAN (s|l)$/.test(row.detail)).map((row) => row.detail),
  };
}

describe.each(TEST_ENGINES)('statement query plans (%s)', (engine) => {
  let testDb: MigratedTestDatabase;
  let store: StatementStore;
  let since: string;

  beforeAll(async () => {
    testDb = await migratedDatabase(engine);
    store = new StatementStore(testDb.database);
    const started = Date.UTC(2026, 0, 1);
    for (let first = 0; first < STATEMENTS; first += 500) {
      const batch = Array.from({ length: 500 }, (_, i) =>
        prepareStatement(statement(first + i), { stored: new Date(started + (first + i) * 1000), authority: AUTHORITY, version: '1.0.3' }),
      );
      await store.insert(() => batch);
    }
    since = new Date(started + (STATEMENTS / 2) * 1000).toISOString();
    // What autovacuum does on a running server: the planner needs statistics to pick indexes.
    if (engine === 'postgres') await sql`analyze`.execute(testDb.database.db);
  }, 60_000);
  afterAll(() => testDb.close());

  it('agent + verb + since reads the (agent, verb, seq) index, not every statement of the agent', async () => {
    const plan = await planOf(testDb.database, store, {
      agentKey: agentKey({ mbox: learner(7) })!,
      verbId: verb(7),
      since,
      limit: 101,
    });
    expect(plan.indexes).toContain('statement_agents_verb');
    expect(plan.fullScans).toEqual([]);
  });

  it('related_agents=true reads each relation from the (agent, relation, seq) index in order, and the authority from its own', async () => {
    const plan = await planOf(testDb.database, store, { agentKey: agentKey({ mbox: instructor(3) })!, relatedAgents: true, limit: 101 });
    expect(plan.indexes).toContain('statement_agents_lookup');
    expect(plan.indexes).toContain('statements_authority');
    expect(plan.fullScans).toEqual([]);
  });

  it('a since/until range without other filters is read through the stored index', async () => {
    const until = new Date(Date.parse(since) + 60_000).toISOString();
    const plan = await planOf(testDb.database, store, { since, until, ascending: true, limit: 101 });
    expect(plan.indexes).toContain('statements_stored');
    expect(plan.fullScans).toEqual([]);
  });

  it("the voiding look-up of a write reads the voiding statements' index", async () => {
    const compiled = testDb.database.db.selectFrom('statements').select('voids_id').where('voids_id', 'in', [randomUUID(), randomUUID()]).compile();
    const plan = await planOf(testDb.database, store, compiled);
    expect(plan.indexes).toContain('statements_voids');
    expect(plan.fullScans).toEqual([]);
  });
});

