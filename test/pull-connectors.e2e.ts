import type { ConnectorSample } from '../src/connector-sdk';
import { HubQueues } from '../src/queues/hub-queues';
import { TASK_JOB_OPTIONS } from '../src/queues/queue-catalogue';
import type { HubDatabase } from '../src/store/database';
import { HUB_DATABASE } from '../src/store/hub-database.token';
import { ADMIN_TOKEN } from './support/admin-client';
import { exampleConfigWith } from './support/example-config';
import { connectorSample } from './support/connector-samples';
import { type FakeApi, startFakePersonio, startFakeWorkday, WORKDAY_REPORT_PATH } from './support/fake-hr-apis';
import { registryWithTestConnectors } from './support/test-connectors';
import { TEST_ENGINES } from './support/test-databases';
import { eventually, eventuallyExactly, startTestHubOnFreshDatabase, type TestHub } from './support/test-hub';
import { statementsFromSourceAccount } from './support/xapi-client';

/** The recorded answers of each connector's first-pull sample are what the fakes serve. */
const WORKDAY = connectorSample('workday/samples/first-pull.json');
const PERSONIO = connectorSample('personio/samples/first-pull.json');
const recorded = (s: ConnectorSample, urlPart: string) => s.http!.find((c) => c.url.includes(urlPart))!.body as { Report_Entry?: Record<string, unknown>[]; data?: unknown };

const CREDENTIALS = { WD_USER: 'ISU_xAPI_Hub@acme', WD_PASSWORD: 'isu-password-from-env', PERSONIO_ID: 'papi-acme-client-id', PERSONIO_SECRET: 'papi-acme-client-secret' };

/**
 * Workday and Personio pulls against local fakes of their APIs over real HTTP, run by a real
 * hub's task scheduler: statements land in the built-in LRS, a second run makes nothing new,
 * and the cursor is in the database.
 */
describe('pull connectors against local fakes', () => {
  let hub: TestHub;
  let workday: FakeApi;
  let personio: FakeApi;

  beforeAll(async () => {
    workday = await startFakeWorkday({ rows: recorded(WORKDAY, 'format=json').Report_Entry!, username: CREDENTIALS.WD_USER, password: CREDENTIALS.WD_PASSWORD });
    const employees = Object.fromEntries(
      PERSONIO.http!.filter((c) => c.url.includes('/employees/')).map((c) => [c.url.split('/').pop()!, (c.body as { data: unknown }).data]),
    );
    personio = await startFakePersonio({
      periods: (recorded(PERSONIO, '/company/attendances') as { data: never[] }).data,
      employees,
      clientId: CREDENTIALS.PERSONIO_ID,
      clientSecret: CREDENTIALS.PERSONIO_SECRET,
    });
    // Long lookbacks: the recorded rows are dated November 2026 whatever today is.
    const config = exampleConfigWith(`
  - id: workday-learning
    connector: workday
    config:
      reportUrl: "${workday.url}${WORKDAY_REPORT_PATH}"
      username: "\${WD_USER}"
      password: "\${WD_PASSWORD}"
      tenantUrl: https://wd2-impl.workday.com/acme
      timeZone: America/Los_Angeles
      initialLookbackDays: 3650
  - id: workday-expired
    connector: workday
    config:
      reportUrl: "${workday.url}${WORKDAY_REPORT_PATH}"
      username: "\${WD_USER}"
      password: an-expired-password
      tenantUrl: https://wd2-impl.workday.com/acme
  - id: personio-training
    connector: personio
    config:
      apiBaseUrl: "${personio.url}/v1"
      clientId: "\${PERSONIO_ID}"
      clientSecret: "\${PERSONIO_SECRET}"
      companyUrl: https://acme.personio.de
      timeZone: Europe/Berlin
      initialLookbackDays: 3650
      windowDays: 3650
      trainingProjectIds: [567]
      trainingCommentKeywords: [training, schulung]
`);
    hub = await startTestHubOnFreshDatabase(TEST_ENGINES[0], { configYaml: config, registry: registryWithTestConnectors(), env: { ...CREDENTIALS, HUB_ADMIN_TOKEN: ADMIN_TOKEN } });
  });
  afterAll(async () => {
    await hub?.close();
    await workday?.close();
    await personio?.close();
  });

  const db = () => hub.app.get<symbol, HubDatabase>(HUB_DATABASE).db;
  const cursorOf = async (instance: string, key: string) =>
    (await db().selectFrom('connector_state').select('value').where('instance_id', '=', instance).where('key', '=', key).executeTakeFirst())?.value;
  const inboxKeys = async (instance: string) => (await db().selectFrom('inbox').select('event_key').where('instance_id', '=', instance).orderBy('event_key').execute()).map((r) => r.event_key);
  // HR records teach the directory who each employee is: their statements land under the work e-mail, the account kept as the source actor.
  const statementsFor = (homePage: string, name: string) => statementsFromSourceAccount(hub.url, { homePage, name });
  const expectedKeys = (s: ConnectorSample) => (s.expected.events ?? []).map((e) => e.eventKey).sort();

  /** One more run of a task through the hub's tasks queue (as its scheduler would add it); waits until it is done. */
  async function runAgain(instanceId: string): Promise<void> {
    const job = await hub.app.get(HubQueues).tasks.add('pull', { instanceId, task: 'pull' }, TASK_JOB_OPTIONS);
    await eventually(async () => ((await job.getState()) === 'completed' ? true : undefined), 10_000, `the second ${instanceId} run`);
  }

  /** Statements stay as they are for a moment: nothing new arrives late. */
  async function settled<T>(read: () => Promise<T>): Promise<T> {
    await new Promise((r) => setTimeout(r, 500));
    return read();
  }

  it('workday: the scheduled pull reads the report with Basic auth, completions land in the LRS, the cursor is in the database, and a second run makes nothing new', async () => {
    const cursor = await eventually(() => cursorOf('workday-learning', 'completedOnOrAfter'), 15_000, 'the Workday cursor');
    expect(JSON.parse(cursor)).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await inboxKeys('workday-learning')).toEqual(expectedKeys(WORKDAY));
    const logan = await eventuallyExactly(1, () => statementsFor('https://wd2-impl.workday.com/acme', '21001'), 10_000, "Logan's completion");
    expect(logan[0]).toMatchObject({ verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, object: { id: 'https://wd2-impl.workday.com/acme/learning-content/LC-00042' } });
    await eventuallyExactly(1, () => statementsFor('https://wd2-impl.workday.com/acme', '21002'), 10_000, "Teresa's completion");

    const asked = workday.requests.length;
    await runAgain('workday-learning');
    expect(workday.requests.length).toBe(asked + 1);
    expect(workday.requests.at(-1)!.query.Completed_On_or_After).toBe(JSON.parse(cursor));
    expect(await inboxKeys('workday-learning')).toEqual(expectedKeys(WORKDAY));
    expect(await settled(() => statementsFor('https://wd2-impl.workday.com/acme', '21001'))).toHaveLength(1);
  });

  it('personio: the scheduled pull signs in, pages attendance and reads employees; training lands in the LRS as attended, the cursor is in the database, and a second run makes nothing new', async () => {
    const cursor = await eventually(() => cursorOf('personio-training', 'updatedFrom'), 15_000, 'the Personio cursor');
    expect(JSON.parse(cursor)).toBe(PERSONIO.expected.state!.updatedFrom);
    expect(await inboxKeys('personio-training')).toEqual(expectedKeys(PERSONIO));
    const alexander = await eventuallyExactly(1, () => statementsFor('https://acme.personio.de', '325659'), 10_000, "Alexander's first-aid course");
    expect(alexander[0]).toMatchObject({ verb: { id: 'http://adlnet.gov/expapi/verbs/attended' } });
    await eventuallyExactly(1, () => statementsFor('https://acme.personio.de', '325660'), 10_000, "Maria's fire-safety training");
    expect(personio.requests.map((r) => `${r.method} ${r.path}`).slice(0, 2)).toEqual(['POST /v1/auth', 'GET /v1/company/attendances']);

    await runAgain('personio-training');
    const again = personio.requests.filter((r) => r.path === '/v1/company/attendances').at(-1)!;
    expect(again.query.updated_from).toBe(PERSONIO.expected.state!.updatedFrom);
    expect(await inboxKeys('personio-training')).toEqual(expectedKeys(PERSONIO));
    expect(await settled(() => statementsFor('https://acme.personio.de', '325660'))).toHaveLength(1);
  });

  it('workday: a refused password stops the task (no retry loop) and the admin API says why', async () => {
    const stopped = await eventually(
      async () => {
        const instances = (await (await fetch(`${hub.url}/admin/api/instances`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as {
          id: string;
          stoppedTasks: { task: string; reason: string }[];
        }[];
        const expired = instances.find((i) => i.id === 'workday-expired')!;
        return expired.stoppedTasks.length > 0 ? expired.stoppedTasks : undefined;
      },
      15_000,
      'the stopped Workday task',
    );
    expect(stopped).toEqual([{ task: 'pull', reason: expect.stringMatching(/^Workday refused the integration user \(401\)/), since: expect.any(String) }]);
    expect(await cursorOf('workday-expired', 'completedOnOrAfter')).toBeUndefined();
    const schedulers = (await hub.app.get(HubQueues).tasks.getJobSchedulers()).map((s) => s.key);
    expect(schedulers).not.toContain('task-workday-expired-pull');
    expect(schedulers).toContain('task-workday-learning-pull');
    await new Promise((r) => setTimeout(r, 2500)); // longer than the first retry's backoff
    const expiredAuth = `Basic ${Buffer.from(`${CREDENTIALS.WD_USER}:an-expired-password`).toString('base64')}`;
    expect(workday.requests.filter((r) => r.authorization === expiredAuth)).toHaveLength(1);
  });
});
