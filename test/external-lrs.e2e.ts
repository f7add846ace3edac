import { freshDatabase, type TestDatabase } from './support/test-databases';
import { eventually, startTestHub, TEST_LRS_KEY, TEST_LRS_SECRET, type TestHub } from './support/test-hub';
import { getStatements, postJson } from './support/xapi-client';

/**
 * The `xapi` destination against a real xAPI endpoint: a second hub serving only its
 * built-in LRS over HTTP plays the external LRS.
 */
describe('delivery to an external LRS over HTTP', () => {
  const databases: TestDatabase[] = [];
  let lrs: TestHub;
  let hub: TestHub;

  const hubConfig = (endpoint: string, password: string) => `
destinations:
  - id: central
    type: xapi
    endpoint: ${endpoint}
    username: \${CENTRAL_KEY}
    password: ${password}
instances:
  - id: lms
    connector: generic-webhook
    config:
      eventKey: id
      mapping: |
        { "actor": { "mbox": "mailto:" & email }, "verb": { "id": "http://adlnet.gov/expapi/verbs/" & verb },
          "object": { "id": course } }
`;

  beforeAll(async () => {
    databases.push(await freshDatabase('sqlite'), await freshDatabase('sqlite'));
    lrs = await startTestHub({ databaseUrl: databases[0].url, env: { HUB_ROLE: 'lrs' } });
    hub = await startTestHub({
      databaseUrl: databases[1].url,
      configYaml: hubConfig(`${lrs.url}/xapi/`, '${CENTRAL_SECRET}'),
      env: { CENTRAL_KEY: TEST_LRS_KEY, CENTRAL_SECRET: TEST_LRS_SECRET },
    });
  });
  afterAll(async () => {
    await hub?.close();
    await lrs?.close();
    await Promise.all(databases.map((d) => d.drop()));
  });

  it('posts the mapped statement to the external LRS with Basic credentials and the version header', async () => {
    const response = await postJson(`${hub.url}/hooks/lms`, { id: 'ext-1', email: 'eve@example.org', verb: 'attempted', course: 'https://lms.example.org/c/9' });
    expect(response.status).toBe(202);

    const [statement] = await eventually(async () => {
      const { statements } = await getStatements(lrs.url, { agent: JSON.stringify({ mbox: 'mailto:eve@example.org' }) });
      return statements.length > 0 ? statements : undefined;
    });
    expect(statement).toMatchObject({
      actor: { mbox: 'mailto:eve@example.org' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' },
      object: { id: 'https://lms.example.org/c/9' },
      // The external LRS stamps the credential the hub used as authority.
      authority: { account: { name: TEST_LRS_KEY } },
    });
  });

  it('serves only the LRS in the lrs role', async () => {
    expect((await postJson(`${lrs.url}/hooks/demo`, {})).status).toBe(404);
    expect((await fetch(`${lrs.url}/health`)).status).toBe(200);
  });
});
