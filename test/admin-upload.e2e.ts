import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { ADMIN_TOKEN } from './support/admin-client';
import { exampleConfigWith } from './support/example-config';
import { registryWithTestConnectors } from './support/test-connectors';
import { TEST_ENGINES } from './support/test-databases';
import { eventuallyExactly, startTestHubOnFreshDatabase, type TestHub } from './support/test-hub';
import { getStatements } from './support/xapi-client';

const CONFIG = exampleConfigWith(`
  - id: attendance
    connector: csv-attendance
    secrets: ["the-instance-upload-token-0123456789"]
    config: { activityBaseUrl: "https://learning.acme.example/sessions", timeZone: UTC }
`);
/** The connector's own sample: two good rows… among bad ones, each reported with its line. */
const BAD_ROWS = JSON.parse(readFileSync(resolve(__dirname, '../connectors/csv-attendance/samples/bad-rows-reported.json'), 'utf8')) as {
  request: { body: string };
  expected: { rejected: { at: string; reason: string }[] };
};

describe('POST /admin/api/instances/:id/upload', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startTestHubOnFreshDatabase(TEST_ENGINES[0], { configYaml: CONFIG, registry: registryWithTestConnectors(), env: { HUB_ADMIN_TOKEN: ADMIN_TOKEN } });
  });
  afterAll(() => hub?.close());

  const upload = (instance: string, csv: string, headers: Record<string, string> = { authorization: `Bearer ${ADMIN_TOKEN}` }) =>
    fetch(`${hub.url}/admin/api/instances/${instance}/upload`, { method: 'POST', headers: { 'content-type': 'text/csv', ...headers }, body: csv });

  it('takes a CSV with the admin token (no instance token), answers the events and the rejected rows with their lines, and a re-upload makes nothing new', async () => {
    const response = await upload('attendance', BAD_ROWS.request.body);
    expect(response.status).toBe(202);
    const answer = (await response.json()) as { events: { eventKey: string; duplicate: boolean }[]; rejected: unknown[] };
    expect(answer.events).toEqual([expect.objectContaining({ eventKey: 'attendance:ana.lima@acme.example|S-1|2026-11-20T00:00:00.000Z', duplicate: false })]);
    expect(answer.rejected).toEqual(BAD_ROWS.expected.rejected);

    const statements = await eventuallyExactly(1, async () => (await getStatements(hub.url, { agent: JSON.stringify({ mbox: 'mailto:ana.lima@acme.example' }) })).statements, 10_000, "Ana's attendance in the built-in LRS");
    expect(statements[0]).toMatchObject({ verb: { id: 'http://adlnet.gov/expapi/verbs/attended' }, object: { id: expect.stringContaining('https://learning.acme.example/sessions') } });

    const again = await upload('attendance', BAD_ROWS.request.body);
    expect(((await again.json()) as { events: { duplicate: boolean }[] }).events).toEqual([expect.objectContaining({ duplicate: true })]);
    await new Promise((r) => setTimeout(r, 300));
    expect((await getStatements(hub.url, { agent: JSON.stringify({ mbox: 'mailto:ana.lima@acme.example' }) })).statements).toHaveLength(1);
  });

  it('dedupes against the hook: the same file posted at the hook (with the instance token) is a duplicate', async () => {
    const response = await fetch(`${hub.url}/hooks/attendance`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: 'Bearer the-instance-upload-token-0123456789' },
      body: BAD_ROWS.request.body,
    });
    expect(response.status).toBe(202);
    expect(((await response.json()) as { duplicate: boolean }).duplicate).toBe(true);
  });

  it('refuses without the admin token (the instance token is not enough), an unknown instance, and a file that is not CSV', async () => {
    expect((await upload('attendance', BAD_ROWS.request.body, {})).status).toBe(401);
    expect((await upload('attendance', BAD_ROWS.request.body, { authorization: 'Bearer the-instance-upload-token-0123456789' })).status).toBe(401);
    const unknown = await upload('nowhere', 'email\n');
    expect(unknown.status).toBe(404);
    const notCsv = await fetch(`${hub.url}/admin/api/instances/attendance/upload`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN_TOKEN}` },
      body: '{"rows":[]}',
    });
    expect(notCsv.status).toBe(415);
    expect(await notCsv.json()).toMatchObject({ error: expect.stringMatching(/must be CSV/) });
  });

  it('is described for OpenAPI: text/csv body, the answer with rejected rows, Bearer auth', () => {
    const document = SwaggerModule.createDocument(hub.app, new DocumentBuilder().addBearerAuth().build());
    const operation = document.paths['/admin/api/instances/{id}/upload'].post!;
    expect(Object.keys((operation.requestBody as { content: object }).content)).toEqual(['text/csv']);
    expect(operation.security).toEqual([{ bearer: [] }]);
    expect(Object.keys(operation.responses)).toEqual(expect.arrayContaining(['202', '400', '401', '404', '415', '422', '503']));
    const schemas = document.components!.schemas! as Record<string, { properties?: Record<string, unknown> }>;
    expect(Object.keys(schemas.UploadAnswerDto.properties!)).toEqual(expect.arrayContaining(['events', 'rejected']));
  });
});
