import { randomBytes } from 'node:crypto';
import { exampleConfigWith } from './support/example-config';
import { freshDatabase, type TestDatabase } from './support/test-databases';
import { eventually, startTestHub, type TestHub } from './support/test-hub';
import { postJson } from './support/xapi-client';

const RATE = 4;
const CONFIG = exampleConfigWith(`
  - id: throttled
    connector: generic-webhook
    rateLimitPerSecond: ${RATE}
    config: { mapping: "nothing" }
`);

// Two intake processes behind one load balancer: an instance's budget is the instance's, not
// each process's (before, each process counted in its own memory and the pair let twice as much in).
describe('per-instance rate limit shared by intake processes', () => {
  let database: TestDatabase;
  const hubs: TestHub[] = [];

  beforeAll(async () => {
    database = await freshDatabase('sqlite');
    const env = { HUB_ROLE: 'intake', QUEUE_PREFIX: `test-${randomBytes(5).toString('hex')}` };
    hubs.push(await startTestHub({ databaseUrl: database.url, configYaml: CONFIG, env }));
    hubs.push(await startTestHub({ databaseUrl: database.url, configYaml: CONFIG, env }));
    // Each process's Redis connection is up (intake answers 503 until it is).
    for (const hub of hubs) await eventually(async () => ((await fetch(`${hub.url}/health`)).ok ? true : undefined), 10_000, 'a healthy hub');
  });
  afterAll(async () => {
    await Promise.all(hubs.map((hub) => hub.close()));
    await database.drop();
  });

  it('accepts the instance rate once across both processes and answers 429 beyond it', async () => {
    // Within one window (the first hit opens it for a second): RATE to each process, 2 × RATE in all.
    const answers = await Promise.all(
      Array.from({ length: 2 * RATE }, (_, n) => postJson(`${hubs[n % 2].url}/hooks/throttled`, { n })),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 202)).toHaveLength(RATE);
    expect(statuses.filter((s) => s === 429)).toHaveLength(RATE);
  });
});
