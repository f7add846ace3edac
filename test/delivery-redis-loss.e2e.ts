import { admin } from './support/admin-client';
import { ADMIN_ENV, hubYaml, lmsEvent, postEvents, xapiDestination } from './support/delivery-hub';
import { MisbehavingLrs } from './support/misbehaving-lrs';
import { PrivateRedis } from './support/private-redis';
import { freshDatabase, type TestDatabase } from './support/test-databases';
import { eventually, startTestHub, type TestHub } from './support/test-hub';
import { getStatements } from './support/xapi-client';

/** Fault tests where Redis loses its data or a destination stays down (issue #6, tests 6 and 8). */
describe('delivery when Redis forgets and destinations stay down', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function setUp(redis: PrivateRedis, destinations: string) {
    const database: TestDatabase = await freshDatabase('sqlite');
    const hub: TestHub = await startTestHub({
      databaseUrl: database.url,
      configYaml: hubYaml(destinations, { sweepEveryMs: 300, strandedAfterMs: 1000 }),
      env: { ...ADMIN_ENV, REDIS_URL: redis.url },
    });
    cleanup.push(() => database.drop(), () => hub.close());
    return hub;
  }

  it('6: Redis restarted mid-run with AOF, then again with its data gone → no acknowledged event lost', async () => {
    const redis = await PrivateRedis.start({ appendonly: true });
    cleanup.push(() => redis.destroy());
    const lrs = await MisbehavingLrs.start({ username: 'hub', password: 'secret' });
    cleanup.push(() => lrs.close());
    const hub = await setUp(redis, xapiDestination('central', lrs.endpoint, 'secret', { batchSize: 10 }));
    lrs.delayMs = 100;

    await postEvents(hub.url, Array.from({ length: 150 }, (_, i) => lmsEvent(`aof-${i}`)));
    await redis.stop();
    await new Promise((r) => setTimeout(r, 300));
    await redis.resume();
    await eventually(async () => (lrs.held.size >= 150 ? true : undefined), 30_000, '150 statements after an AOF restart');

    await postEvents(hub.url, Array.from({ length: 150 }, (_, i) => lmsEvent(`gone-${i}`)));
    await redis.stop();
    redis.wipe(); // a restart without persistence: every job and signal is gone
    await redis.resume();
    await eventually(async () => (lrs.held.size >= 300 ? true : undefined), 30_000, '300 statements after Redis lost its data');
    expect(lrs.held.size).toBe(300);
    const { body: waiting } = await admin<unknown[]>(hub.url, 'GET', 'events?status=queued');
    expect(waiting).toEqual([]);
  });

  it('8: a destination down past its schedule → dead letters, Redis memory flat, the other destination unaffected', async () => {
    const redis = await PrivateRedis.start();
    cleanup.push(() => redis.destroy());
    const down = xapiDestination('down', 'http://127.0.0.1:1/xapi/', 'x', { retryForMs: 1500, breakerThreshold: 3 });
    const hub = await setUp(redis, `${down}\n  - id: builtin\n    type: builtin`);

    await postEvents(hub.url, Array.from({ length: 50 }, (_, i) => lmsEvent(`down-a-${i}`)));
    await eventually(async () => ((await getStatements(hub.url, { limit: '500' })).statements.length === 50 ? true : undefined));
    // BullMQ's events stream is left out of the sums and checked against its cap instead: it is
    // bounded (maxLen 100, trimmed by whole nodes of 100 entries), but how full it already was here
    // depends on how many signals the first 50 events sent (one per normalize group, not per event).
    const before = await redis.bytesOf('deliver-down', ':events');

    await postEvents(hub.url, Array.from({ length: 300 }, (_, i) => lmsEvent(`down-b-${i}`)));
    // The built-in destination keeps pace while the other one fails.
    await eventually(async () => ((await getStatements(hub.url, { limit: '500' })).statements.length === 350 ? true : undefined), 20_000);
    const during = await redis.bytesOf('deliver-down', ':events');
    // Signals only: the 300 statements (~250 bytes each) are in the database, not in Redis.
    expect(during.bytes - before.bytes).toBeLessThan(5_000);
    expect(await redis.streamLength('deliver-down:events')).toBeLessThanOrEqual(200);

    const dead = await eventually(async () => {
      const { body } = await admin<{ reason: string; answer: string }[]>(hub.url, 'GET', 'dead-letters?destination=down&limit=1000');
      return body.length === 350 ? body : undefined;
    }, 20_000);
    expect(new Set(dead.map((d) => d.reason))).toEqual(new Set(['expired']));
    expect(dead[0].answer).toMatch(/ECONNREFUSED|never answered/);
    const { body: destinations } = await admin<{ id: string; state: string; backlog: number; deadLetters: number }[]>(hub.url, 'GET', 'destinations');
    expect(destinations).toEqual([
      expect.objectContaining({ id: 'down', state: 'failing', backlog: 0, deadLetters: 350 }),
      expect.objectContaining({ id: 'builtin', state: 'active', backlog: 0 }),
    ]);
  });
});
