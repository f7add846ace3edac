import { PrivateRedis } from './support/private-redis';
import { eventually, startTestHubOnFreshDatabase, type TestHub } from './support/test-hub';
import { getStatements, postJson } from './support/xapi-client';
import { StrandedEventsSweeper } from '../src/normalize/stranded-events.sweeper';

const event = (id: string, email = 'dee@example.org') => ({
  id,
  email,
  verb: 'completed',
  course: 'https://lms.example.org/course/7',
  title: 'Fire drill',
  at: '2026-11-27T09:00:00Z',
});

/** With Redis gone nothing is acknowledged; once it is back the source's retry goes through. */
describe('intake when Redis is down', () => {
  let redis: PrivateRedis;
  let hub: TestHub;

  beforeAll(async () => {
    redis = await PrivateRedis.start();
    hub = await startTestHubOnFreshDatabase('sqlite', { env: { REDIS_URL: redis.url } });
  });
  afterAll(async () => {
    await hub?.close();
    await redis?.destroy();
  });

  it('answers 503 with a reason, and the retry after Redis returns is processed', async () => {
    await redis.stop();
    const refused = await postJson(`${hub.url}/hooks/demo`, event('evt-while-down'));
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('5');
    expect(((await refused.json()) as { error: string }).error).toMatch(/queue \(Redis\) is unavailable; nothing was accepted, retry later/);

    const health = await fetch(`${hub.url}/health`);
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ error: 'not healthy: redis does not answer', details: [expect.stringMatching(/^redis: /)] });

    await redis.resume();
    const retried = await eventually(async () => {
      const response = await postJson(`${hub.url}/hooks/demo`, event('evt-while-down'));
      return response.status === 202 ? response : undefined;
    });
    expect(((await retried.json()) as { duplicate: boolean }).duplicate).toBe(true);
    await eventually(async () => {
      const { statements } = await getStatements(hub.url, { agent: JSON.stringify({ mbox: 'mailto:dee@example.org' }) });
      return statements.length === 1 ? statements : undefined;
    });
  });

  it('processes an event stored during an outage even when its source never retries', async () => {
    await redis.stop();
    const refused = await postJson(`${hub.url}/hooks/demo`, event('evt-never-retried', 'fay@example.org'));
    expect(refused.status).toBe(503);
    await redis.resume();
    await eventually(async () => ((await fetch(`${hub.url}/health`)).status === 200 ? true : undefined));

    const swept = await hub.app.get(StrandedEventsSweeper).sweep(new Date(Date.now() + 120_000));
    expect(swept).toBe(1);
    await eventually(async () => {
      const { statements } = await getStatements(hub.url, { agent: JSON.stringify({ mbox: 'mailto:fay@example.org' }) });
      return statements.length === 1 ? statements : undefined;
    });
  });
});
