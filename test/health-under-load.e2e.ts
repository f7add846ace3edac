import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';
import { HubQueues } from '../src/queues/hub-queues';
import type { HubDatabase } from '../src/store/database';
import { HUB_DATABASE } from '../src/store/hub-database.token';
import { TEST_ENGINES } from './support/test-databases';
import { startTestHubOnFreshDatabase, type TestHub } from './support/test-hub';

const POOL_SIZE = 10;

/**
 * /health under load: with every pooled database connection and the queue producers' Redis
 * connection busy — as with 10,000 webhooks in flight (bench/README.md, "health") — it still
 * answers 200, because its checks use connections of their own.
 */
describe.each(TEST_ENGINES)('/health while the hub is saturated (%s)', (engine) => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startTestHubOnFreshDatabase(engine);
  });
  afterAll(() => hub?.close());

  it('answers 200 while the pool and the producer connection are held by other work', async () => {
    const hubDatabase = hub.app.get<HubDatabase>(HUB_DATABASE);
    const queues = hub.app.get(HubQueues);

    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const held = Array.from({ length: POOL_SIZE }, () => hubDatabase.db.transaction().execute(() => gate));
    const blockedKey = `test-health-${randomBytes(4).toString('hex')}`;
    const blocked = queues.connection.blpop(blockedKey, 0);
    const other = new IORedis('redis://127.0.0.1:6379');
    try {
      const response = await fetch(`${hub.url}/health`);
      const body = (await response.json()) as { status: string; info?: Record<string, { status: string }> };
      expect({ status: response.status, body }).toEqual({
        status: 200,
        body: expect.objectContaining({ status: 'ok', info: { database: expect.objectContaining({ status: 'up' }), redis: expect.objectContaining({ status: 'up' }) } }),
      });
    } finally {
      release();
      await other.lpush(blockedKey, 'done');
      await Promise.all([...held, blocked]);
      other.disconnect();
    }
  });
});
