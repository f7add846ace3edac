import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { parseHubConfig } from '../src/config/load-hub-config';
import { statementIdFor } from '../src/connector-sdk';
import type { HubDatabase } from '../src/store/database';
import { HUB_DATABASE } from '../src/store/hub-database.token';
import { ADMIN_TOKEN } from './support/admin-client';
import { EXAMPLE_CONFIG, exampleConfigWith } from './support/example-config';
import { connectorSample } from './support/connector-samples';
import { registryWithTestConnectors } from './support/test-connectors';
import { TEST_ENGINES } from './support/test-databases';
import { startTestHubOnFreshDatabase, type TestHub } from './support/test-hub';

const CONFIG = exampleConfigWith(`
  - id: events
    connector: test-events
`);
/** The demo instance's mapping, given to preview as a config of the caller's. */
const DEMO_CONFIG = parseHubConfig(EXAMPLE_CONFIG, 'example', {}).instances[0].config as Record<string, unknown>;
const WORKDAY_CONFIG = {
  reportUrl: 'https://wd2-impl-services1.workday.com/ccx/service/customreport2/acme/ISU_xAPI_Hub/xAPI_Learning_Completions',
  username: 'ISU_xAPI_Hub@acme',
  password: 'isu-password-from-env',
  tenantUrl: 'https://wd2-impl.workday.com/acme',
  timeZone: 'America/Los_Angeles',
};
const sampleBody = connectorSample('generic-webhook/samples/course-completed.json').request.body;

describe('POST /admin/api/preview', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startTestHubOnFreshDatabase(TEST_ENGINES[0], { configYaml: CONFIG, registry: registryWithTestConnectors(), env: { HUB_ADMIN_TOKEN: ADMIN_TOKEN } });
  });
  afterAll(() => hub?.close());

  const preview = (body: unknown, token = ADMIN_TOKEN) =>
    fetch(`${hub.url}/admin/api/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
  const inboxCount = async () =>
    (await hub.app.get<symbol, HubDatabase>(HUB_DATABASE).db.selectFrom('inbox').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n;

  it('shows what the generic webhook makes of a sample, with the ids live traffic would get, storing nothing', async () => {
    const before = await inboxCount();
    const response = await preview({
      connector: 'generic-webhook',
      config: DEMO_CONFIG,
      request: { headers: { 'content-type': 'application/json' }, body: JSON.stringify(sampleBody) },
      verify: false,
    });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { events: { eventKey: string; statements: { id: string }[]; invalid: unknown[] }[] };
    expect(answer.events).toHaveLength(1);
    const [event] = answer.events;
    expect(event).toMatchObject({ statements: [expect.objectContaining({ verb: expect.objectContaining({ id: expect.stringMatching(/completed$/) }) })], invalid: [] });
    expect(event.statements[0].id).toBe(statementIdFor('preview', event.eventKey, 0));
    expect(await inboxCount()).toEqual(before);
  });

  it('previews a configured instance with its own config, and lists invalid statements with reasons', async () => {
    const ok = await preview({ instance: 'demo', request: { body: { ...(sampleBody as object), id: 'p-1' } } });
    const okAnswer = (await ok.json()) as { events: { eventKey: string; statements: { id: string }[] }[] };
    expect(okAnswer.events[0]).toMatchObject({ eventKey: 'p-1' });
    expect(okAnswer.events[0].statements[0].id).toBe(statementIdFor('demo', 'p-1', 0));

    const bad = await preview({ instance: 'demo', request: { body: { ...(sampleBody as object), id: 'p-2', email: 'not an address' } } });
    const badAnswer = (await bad.json()) as { events: { statements: unknown[]; invalid: { statement: object; reasons: { path: string }[] }[] }[] };
    expect(badAnswer.events[0].statements).toEqual([]);
    expect(badAnswer.events[0].invalid[0].reasons).toEqual([expect.objectContaining({ path: 'actor.mbox' })]);
  });

  it('shows ignored and later, and splits a batch into its events', async () => {
    const response = await preview({
      instance: 'events',
      now: '2026-11-27T12:00:00Z',
      request: {
        body: [
          { id: 'x', ignore: 'a bot wrote it' },
          { id: 'y', email: 'a@example.org', until: '2026-11-27T13:00:00Z' },
          { id: 'z', email: 'a@example.org' },
        ],
      },
    });
    expect(await response.json()).toMatchObject({
      events: [
        { eventKey: 'x', statements: [], ignored: 'a bot wrote it' },
        { eventKey: 'y', statements: [], later: '2026-11-27T13:00:00.000Z' },
        { eventKey: 'z', statements: [expect.objectContaining({ id: statementIdFor('events', 'z', 'main'), timestamp: '2026-11-27T12:00:00.000Z' })] },
      ],
    });
  });

  it('answers outbound calls from the recordings given, and refuses any other with a clear message', async () => {
    const body = { id: 'look', lookup: 'https://directory.example.org/users/7' };
    const recorded = await preview({ instance: 'events', request: { body }, http: [{ url: 'https://directory.example.org/users/*', body: { email: 'seven@example.org' } }] });
    expect(await recorded.json()).toMatchObject({ events: [{ statements: [expect.objectContaining({ actor: expect.objectContaining({ mbox: 'mailto:seven@example.org' }) })] }] });

    const refused = await preview({ instance: 'events', request: { body } });
    expect(refused.status).toBe(422);
    expect(await refused.json()).toEqual({
      error: expect.stringMatching(/preview makes no outbound calls.*GET https:\/\/directory\.example\.org\/users\/7 has no recorded answer/),
      details: [],
    });
  });

  it('runs a scheduled task on recorded answers: the pull sample maps as live, the cursor it would move is shown, nothing is stored', async () => {
    const pull = connectorSample('workday/samples/first-pull.json');
    const before = await inboxCount();
    const response = await preview({ connector: 'workday', config: { ...WORKDAY_CONFIG, ...pull.config }, task: 'pull', now: pull.now, http: pull.http, state: pull.state ?? {} });
    expect(response.status).toBe(200);
    const answer = (await response.json()) as { events: { eventKey: string; statements: { id: string }[]; invalid: unknown[] }[]; state: Record<string, unknown> };
    expect(answer.events.length).toBeGreaterThan(0);
    expect(answer.events.map((e) => e.eventKey)).toEqual((pull.expected.events ?? []).map((e) => e.eventKey));
    for (const event of answer.events) expect(event.invalid).toEqual([]);
    expect(answer.state).toEqual(pull.expected.state);
    expect(await inboxCount()).toEqual(before);

    const refused = connectorSample('workday/samples/auth-failure.json');
    const failed = await preview({ connector: 'workday', config: WORKDAY_CONFIG, task: 'pull', now: refused.now, http: refused.http, state: refused.state });
    expect(await failed.json()).toMatchObject({ events: [], error: expect.stringMatching(/Workday refused the integration user \(401\)/), state: refused.state });

    const unknown = await preview({ connector: 'workday', config: WORKDAY_CONFIG, task: 'push' });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toMatchObject({ details: ['task: connector workday has no task "push"; it has: pull'] });
  });

  it('previews an xAPI pass-through request at its sub-path (request.path), with the xAPI answer it would give', async () => {
    const id = '6b5c3a9e-2f1d-4c8b-9a7e-0d1e2f3a4b5c';
    const response = await preview({
      connector: 'xapi-passthrough',
      config: { key: 'moodle-logstore', secret: 'lrs-secret-0123456789abcdef' },
      request: {
        path: '/xapi/statements',
        headers: { 'content-type': 'application/json', 'x-experience-api-version': '1.0.3' },
        body: JSON.stringify({ id, actor: { mbox: 'mailto:Ana@ACME.example' }, verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, object: { id: 'https://lms.acme.example/c/1' } }),
      },
    });
    expect(await response.json()).toMatchObject({ events: [{ eventKey: id, statements: [{ id, actor: { mbox: 'mailto:ana@acme.example' } }], invalid: [] }], reply: { status: 200, body: [id] } });
  });

  it('answers 400 naming the field for bad input, and 401 without the token', async () => {
    const unknown = await preview({ connector: 'moodle-ish', config: {}, request: {} });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ error: 'the preview request is invalid', details: [expect.stringMatching(/^connector: unknown connector "moodle-ish"; available: .*generic-webhook.*test-events/)] });

    const badConfig = await preview({ connector: 'generic-webhook', config: { mapping: '{ "a": ' }, request: {} });
    expect(((await badConfig.json()) as { details: string[] }).details).toEqual([expect.stringMatching(/^config\.mapping: is not valid JSONata: line 1, column \d+: /)]);

    const noInstance = await preview({ instance: 'nope', request: {} });
    expect(((await noInstance.json()) as { details: string[] }).details).toEqual([expect.stringMatching(/^instance: no instance "nope" is configured/)]);

    const missing = await preview({ verify: 'yes' });
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { details: string[] }).details).toEqual(
      expect.arrayContaining([expect.stringMatching(/^request: is required/), 'verify: must be a boolean value', expect.stringMatching(/^connector: is required/)]),
    );

    expect((await preview({ instance: 'demo', request: {} }, 'wrong')).status).toBe(401);
  });

  it('is described for OpenAPI: the request body, the answer and the Bearer token', () => {
    const document = SwaggerModule.createDocument(hub.app, new DocumentBuilder().addBearerAuth().build());
    const operation = document.paths['/admin/api/preview'].post!;
    expect(operation.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['200', '400', '401', '422']));
    const schemas = document.components!.schemas! as Record<string, { properties?: Record<string, unknown>; required?: string[] }>;
    expect(Object.keys(schemas.PreviewRequestDto.properties!)).toEqual(['connector', 'config', 'instance', 'request', 'task', 'state', 'now', 'verify', 'http']);
    expect(schemas.PreviewRequestDto.required).toBeUndefined(); // `request`, or `task` instead
    expect(Object.keys(schemas.PreviewEventDto.properties!)).toEqual(expect.arrayContaining(['eventKey', 'statements', 'ignored', 'later', 'invalid']));
  });
});
