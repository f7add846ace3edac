import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openDatabase, type HubDatabase } from '../src/store/database';
import { ADMIN_ENV, hubYaml, lmsEvent } from './support/delivery-hub';
import { HubProcess } from './support/hub-process';
import { freshDatabase, type TestDatabase } from './support/test-databases';
import { eventually, TEST_LRS_KEY, TEST_LRS_SECRET } from './support/test-hub';
import { getStatements, postJson } from './support/xapi-client';

const DISTINCT = 4000;
const REPEATS = 1000;
const IN_FLIGHT = 32;

/**
 * Issue #10, "More than one process": 2 intake + 2 worker + 1 LRS process, each a real OS
 * process, on one Redis (a queue prefix of their own) and one fresh PostgreSQL database.
 * All five start together, so the migrations run under their lock on an empty schema.
 */
describe('intake, workers and LRS as separate processes', () => {
  let database: TestDatabase;
  let reader: HubDatabase;
  const processes: HubProcess[] = [];

  beforeAll(async () => {
    database = await freshDatabase('postgres');
    reader = openDatabase(database.url);
  });
  afterAll(async () => {
    for (const p of processes.splice(0)) await p.kill();
    await reader?.db.destroy();
    await database?.drop();
  });

  it('5,000 webhooks with 1,000 repeats across two intakes, one worker SIGKILLed → every acknowledged event stored once', async () => {
    const yaml = hubYaml(`\n  - id: builtin\n    type: builtin`);
    const env = { DATABASE_URL: database.url, QUEUE_PREFIX: `test-multi-${randomBytes(4).toString('hex')}`, ...ADMIN_ENV, LRS_KEY: TEST_LRS_KEY, LRS_SECRET: TEST_LRS_SECRET };
    const roles = ['intake', 'intake', 'worker', 'worker', 'lrs'];
    processes.push(...(await Promise.all(roles.map((role) => HubProcess.start(role, yaml, env)))));
    const [intakeA, intakeB, doomedWorker, , lrs] = processes;

    // The schema is there once: every migration recorded exactly once although five processes raced to apply it.
    const migrations = await sql<{ name: string; n: number }>`select name, count(*) as n from kysely_migration group by name`.execute(reader.db);
    expect(migrations.rows.length).toBeGreaterThan(0);
    expect(migrations.rows.every((r) => Number(r.n) === 1)).toBe(true);
    expect((await fetch(`${lrs.url}/health`)).ok).toBe(true);

    // Each distinct event goes to one intake; its repeat (same body, same key) to the other one.
    const sends = [
      ...Array.from({ length: DISTINCT }, (_, i) => ({ event: i, intake: i % 2 === 0 ? intakeA : intakeB })),
      ...Array.from({ length: REPEATS }, (_, r) => ({ event: r * (DISTINCT / REPEATS), intake: r % 2 === 0 ? intakeB : intakeA })),
    ];
    // Repeats interleaved with first sends, as a retrying LMS would send them.
    for (let i = sends.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1);
      [sends[i], sends[j]] = [sends[j], sends[i]];
    }
    const stored = async () => Number((await sql<{ n: number }>`select count(*) as n from statements`.execute(reader.db)).rows[0].n);
    const acknowledged = new Map<number, Set<string>>();
    let next = 0;
    let killed: Promise<number> | undefined;
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < sends.length) {
          const { event, intake } = sends[next++];
          // Kill a worker mid-run, while events are still arriving and being normalized.
          if (next === Math.floor(sends.length / 2)) killed = doomedWorker.kill().then(stored);
          const response = await postJson(`${intake.url}/hooks/lms`, lmsEvent(`multi-${event}`));
          if (response.status !== 202) continue; // not acknowledged: not owed
          const { eventId } = (await response.json()) as { eventId: string };
          acknowledged.set(event, (acknowledged.get(event) ?? new Set()).add(eventId));
        }
      }),
    );
    // The kill landed while there was still work to do (what it interrupted is the point).
    expect(await killed).toBeLessThan(DISTINCT);
    expect(acknowledged.size).toBe(DISTINCT);
    // A repeat is the same event: one event id, whichever intake answered.
    expect([...acknowledged.values()].every((ids) => ids.size === 1)).toBe(true);

    await eventually(async () => ((await stored()) >= DISTINCT ? true : undefined), 90_000, `${DISTINCT} statements stored by the surviving worker`);

    const { rows } = await sql<{ full_json: string }>`select full_json from statements`.execute(reader.db);
    const actors = rows.map((r) => (JSON.parse(r.full_json) as { actor: { mbox: string } }).actor.mbox);
    expect(actors).toHaveLength(DISTINCT);
    expect(new Set(actors).size).toBe(DISTINCT);
    const expected = [...acknowledged.keys()].map((event) => `mailto:multi-${event}@example.org`);
    expect(new Set(actors)).toEqual(new Set(expected));
    // And the LRS process serves them: one learner's statement, once.
    const { statements } = await getStatements(lrs.url, { agent: JSON.stringify({ mbox: 'mailto:multi-0@example.org' }) });
    expect(statements).toHaveLength(1);
  }, 180_000);
});
