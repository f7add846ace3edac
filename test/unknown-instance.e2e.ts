import { TEST_ENGINES } from './support/test-databases';
import { startTestHubOnFreshDatabase, type TestHub } from './support/test-hub';
import { postJson } from './support/xapi-client';

const CONFIG = `destinations: [{ id: builtin, type: builtin }]
instances:
  - { id: demo, connector: generic-webhook, config: { mapping: "nothing" } }
limits:
  hookRatePerSecond: 1
`;

describe('an unknown instance', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startTestHubOnFreshDatabase(TEST_ENGINES[0], { configYaml: CONFIG });
  });
  afterAll(() => hub?.close());

  it('gets 404 before any rate limit, however often it is asked, and no metric series', async () => {
    const answers = await Promise.all([1, 2, 3, 4].map(() => postJson(`${hub.url}/hooks/made-up-by-a-caller`, {})));
    expect(answers.map((a) => a.status)).toEqual([404, 404, 404, 404]);
    expect(await answers[0].json()).toEqual({ error: 'no connector instance "made-up-by-a-caller" is configured (or it is disabled)', details: [] });
    expect(await (await fetch(`${hub.url}/metrics`)).text()).not.toMatch(/made-up-by-a-caller/);
  });
});
