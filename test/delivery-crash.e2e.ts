import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { openDatabase, type HubDatabase } from '../src/store/database';
import { ADMIN_ENV, hubYaml, lmsEvent, postEvents, xapiDestination } from './support/delivery-hub';
import { HubProcess } from './support/hub-process';
import { MisbehavingLrs } from './support/misbehaving-lrs';
import { freshDatabase, type TestDatabase } from './support/test-databases';
import { eventually, startTestHub, type TestHub } from './support/test-hub';

const BUILTIN = `\n  - id: builtin\n    type: builtin`;

/** Fault tests with real processes killed by SIGKILL (issue #6, tests 1 and 7), on PostgreSQL. */
describe('delivery through crashes', () => {
  let database: TestDatabase;
  let reader: HubDatabase;
  let lrs: MisbehavingLrs;
  const processes: HubProcess[] = [];
  const hubs: TestHub[] = [];

  beforeEach(async () => {
    database = await freshDatabase('postgres');
    lrs = await MisbehavingLrs.start({ username: 'hub', password: 'secret' });
  });
  afterEach(async () => {
    for (const p of processes.splice(0)) await p.kill();
    for (const h of hubs.splice(0)) await h.close();
    await reader?.db.destroy();
    await lrs.close();
    await database.drop();
  });

  const builtinCount = async () => Number((await sql<{ n: number }>`select count(distinct id) as n from statements`.execute(reader.db)).rows[0].n);
  const until = (what: string, probe: () => boolean | Promise<boolean>, timeoutMs = 60_000) =>
    eventually(async () => ((await probe()) ? true : undefined), timeoutMs, what);

  it('1: 2,000 events, the worker process killed with SIGKILL twice during delivery → 2,000 distinct statements in each LRS', async () => {
    const prefix = `test-crash-${randomBytes(4).toString('hex')}`;
    const yaml = hubYaml(xapiDestination('central', lrs.endpoint, 'secret', { timeoutMs: 1000, batchSize: 50 }) + BUILTIN);
    const env = { DATABASE_URL: database.url, QUEUE_PREFIX: prefix, ...ADMIN_ENV };
    // Intake here; normalize and delivery in a worker process of their own, the one that dies.
    const intake = await startTestHub({ databaseUrl: database.url, configYaml: yaml, env: { ...env, HUB_ROLE: 'intake' } });
    hubs.push(intake);
    reader = openDatabase(database.url);
    lrs.delayMs = 40; // slow enough that the kills land in the middle of delivery
    const worker = await HubProcess.start('worker', yaml, env);
    processes.push(worker);

    await postEvents(intake.url, Array.from({ length: 2000 }, (_, i) => lmsEvent(`crash-${i}`)), 32);
    await until('400 statements delivered', () => lrs.held.size >= 400);
    await worker.kill();
    await worker.restart();
    await until('1,200 statements delivered', () => lrs.held.size >= 1200);
    await worker.kill();
    await worker.restart();

    await until('2,000 statements in the external LRS', () => lrs.held.size >= 2000, 90_000);
    await until('2,000 statements in the built-in LRS', async () => (await builtinCount()) >= 2000);
    expect(lrs.held.size).toBe(2000);
    expect(await builtinCount()).toBe(2000);
    // The LRS holds a batch a moment before the worker marks its rows delivered: wait for that commit.
    const outboxStatuses = async () => {
      const { rows } = await sql<{ status: string; n: number }>`select status, count(*) as n from outbox group by status`.execute(reader!.db);
      return rows.map((r) => [r.status, Number(r.n)]);
    };
    await until('every outbox row marked delivered', async () => JSON.stringify(await outboxStatuses()) === '[["delivered",4000]]');
    expect(await outboxStatuses()).toEqual([['delivered', 4000]]);
  }, 150_000);

  it('7: a slow LRS and two SIGKILLs of the hub during the same deliveries → every statement delivered, once', async () => {
    const yaml = hubYaml(xapiDestination('central', lrs.endpoint, 'secret', { timeoutMs: 2500, batchSize: 10, lingerMs: 200 }));
    const env = { DATABASE_URL: database.url, QUEUE_PREFIX: `test-slow-${randomBytes(4).toString('hex')}`, ...ADMIN_ENV };
    reader = openDatabase(database.url);
    lrs.delayMs = 1200;
    const hub = await HubProcess.start('all', yaml, env);
    processes.push(hub);
    await postEvents(hub.url, Array.from({ length: 30 }, (_, i) => lmsEvent(`slow-${i}`)), 8);

    for (let kill = 0; kill < 2; kill++) {
      await until('a batch in flight at the LRS', () => lrs.inFlight > 0, 30_000);
      await hub.kill();
      await hub.restart();
    }
    await until('30 statements in the LRS', () => lrs.held.size >= 30, 60_000);
    expect(lrs.held.size).toBe(30);
    const delivered = await sql<{ n: number }>`select count(*) as n from outbox where status = 'delivered'`.execute(reader.db);
    expect(Number(delivered.rows[0].n)).toBe(30);
  }, 120_000);

  it('SIGTERM: the hub stops claiming, finishes the batch in flight, and exits', async () => {
    const yaml = hubYaml(xapiDestination('central', lrs.endpoint, 'secret', { timeoutMs: 5000, batchSize: 5, lingerMs: 100 }));
    const env = { DATABASE_URL: database.url, QUEUE_PREFIX: `test-term-${randomBytes(4).toString('hex')}`, ...ADMIN_ENV };
    reader = openDatabase(database.url);
    lrs.delayMs = 1500;
    const hub = await HubProcess.start('all', yaml, env);
    processes.push(hub);
    await postEvents(hub.url, Array.from({ length: 20 }, (_, i) => lmsEvent(`term-${i}`)), 4);
    await until('a batch in flight at the LRS', () => lrs.inFlight > 0, 30_000);
    const inFlight = lrs.inFlight;
    // Nest runs its shutdown hooks, then ends with the signal it was sent.
    expect([0, 'SIGTERM']).toContain(await hub.stop());
    // The batches that were in flight were answered and recorded; nothing is left claimed.
    expect(lrs.posts.filter((p) => p.status === 200).length).toBeGreaterThanOrEqual(inFlight);
    expect(lrs.held.size).toBeGreaterThan(0);
    const { rows } = await sql<{ status: string; n: number }>`select status, count(*) as n from outbox group by status order by status`.execute(reader.db);
    const counts = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
    expect(counts.delivering).toBeUndefined();
    expect(counts.delivered).toBe(lrs.held.size);
  }, 60_000);
});
