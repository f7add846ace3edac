import { statementIdFor } from '../src/connector-sdk';
import { exampleConfigWith } from './support/example-config';
import { connectorSample } from './support/connector-samples';
import { bambooHrSignedHeaders, slackSignedHeaders } from './support/signed-webhooks';
import { registryWithTestConnectors } from './support/test-connectors';
import { freshDatabase, TEST_ENGINES, type TestDatabase } from './support/test-databases';
import { eventually, eventuallyExactly, startTestHub, type TestHub } from './support/test-hub';
import { getStatementById, getStatements, postJson, statementsFromSourceAccount } from './support/xapi-client';

const SECRETS = {
  XAPI_KEY: 'moodle-logstore',
  XAPI_SECRET: 'lrs-secret-0123456789abcdef',
  XAPI_CLIENT_ID: 'linkedin-learning',
  XAPI_CLIENT_SECRET: 'oauth-client-secret-0123456789',
  MOODLE_TOKEN: 'lw-token-7f3a9c2e1b',
  BAMBOOHR_KEY: 'bamboohr-private-key-current-0123',
  SLACK_SECRET: 'slack-signing-secret-current-0123',
};
const CONFIG = exampleConfigWith(`
  - id: xapi-in
    connector: xapi-passthrough
    config: { key: "\${XAPI_KEY}", secret: "\${XAPI_SECRET}", clientId: "\${XAPI_CLIENT_ID}", clientSecret: "\${XAPI_CLIENT_SECRET}" }
  - id: moodle
    connector: moodle
    secrets: ["\${MOODLE_TOKEN}"]
    config: { baseUrl: "https://moodle.acme.example" }
  - id: bamboohr
    connector: bamboohr
    secrets: ["\${BAMBOOHR_KEY}"]
    config: { companyDomain: acme, timeZone: Europe/Berlin }
  - id: slack
    connector: slack
    secrets: ["\${SLACK_SECRET}"]
    config: { teamDomain: acme, teamId: T0ACME123, learningChannels: [C0LEARN01] }
`);

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
const XAPI = { 'content-type': 'application/json', 'x-experience-api-version': '1.0.3' };

/** Webhooks in over real HTTP → normalize → the built-in LRS, read back through /xapi. */
describe('connectors to the built-in LRS', () => {
  let database: TestDatabase;
  let hub: TestHub;

  beforeAll(async () => {
    database = await freshDatabase(TEST_ENGINES[0]);
    hub = await startTestHub({ databaseUrl: database.url, configYaml: CONFIG, registry: registryWithTestConnectors(), env: SECRETS });
  });
  afterAll(async () => {
    await hub?.close();
    await database?.drop();
  });

  const statementEventually = (id: string) => eventually(() => getStatementById(hub.url, id), 10_000, `statement ${id} in the built-in LRS`);
  const countFor = async (agent: object) => (await getStatements(hub.url, { agent: JSON.stringify(agent) })).statements.length;

  describe('xapi-passthrough', () => {
    const statement = (id: string, email: string) => ({
      id,
      actor: { objectType: 'Agent', name: 'Ana', mbox: `mailto:${email}` },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
      object: { objectType: 'Activity', id: 'urn:li:lyndaCourse:2825095' },
      timestamp: '2026-11-25T16:02:11Z',
    });

    it('takes statements with HTTP Basic: ids kept, mbox lower-cased, in the LRS; a repeat makes no second copy', async () => {
      const id = '6b5c3a9e-2f1d-4c8b-9a7e-0d1e2f3a4b5c';
      const post = () =>
        fetch(`${hub.url}/hooks/xapi-in/xapi/statements`, {
          method: 'POST',
          headers: { ...XAPI, authorization: basic(SECRETS.XAPI_KEY, SECRETS.XAPI_SECRET) },
          body: JSON.stringify([statement(id, 'Basic.User@ACME.example')]),
        });
      const response = await post();
      expect(response.status).toBe(200);
      expect(response.headers.get('x-experience-api-version')).toBe('1.0.3');
      expect(await response.json()).toEqual([id]);
      expect(await statementEventually(id)).toMatchObject({ id, actor: { mbox: 'mailto:basic.user@acme.example' } });

      expect((await post()).status).toBe(200);
      await new Promise((r) => setTimeout(r, 300));
      expect(await countFor({ mbox: 'mailto:basic.user@acme.example' })).toBe(1);
    });

    it('takes a statement with a token from the OAuth2 token endpoint (PUT → 204), and refuses without credentials', async () => {
      const tokenResponse = await fetch(`${hub.url}/hooks/xapi-in/oauth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: `grant_type=client_credentials&client_id=${SECRETS.XAPI_CLIENT_ID}&client_secret=${SECRETS.XAPI_CLIENT_SECRET}`,
      });
      expect(tokenResponse.status).toBe(200);
      expect(tokenResponse.headers.get('cache-control')).toBe('no-store');
      const { access_token: token } = (await tokenResponse.json()) as { access_token: string };

      const id = '3f2e1d0c-9b8a-4765-8432-10fedcba9876';
      const put = await fetch(`${hub.url}/hooks/xapi-in/xapi/statements?statementId=${id}`, {
        method: 'PUT',
        headers: { ...XAPI, authorization: `Bearer ${token}` },
        body: JSON.stringify({ ...statement(id, 'oauth.user@acme.example'), id: undefined }),
      });
      expect(put.status).toBe(204);
      expect(await statementEventually(id)).toMatchObject({ id, actor: { mbox: 'mailto:oauth.user@acme.example' } });

      const anonymous = await fetch(`${hub.url}/hooks/xapi-in/xapi/statements`, { method: 'POST', headers: XAPI, body: JSON.stringify(statement(id, 'x@acme.example')) });
      expect(anonymous.status).toBe(401);
      expect(anonymous.headers.get('x-experience-api-version')).toBe('1.0.3'); // on errors too
      const about = await fetch(`${hub.url}/hooks/xapi-in/xapi/about`);
      expect(await about.json()).toEqual({ version: ['1.0.3', '2.0.0'] });
    });

    it('a token given out by one hub process is good at another (signed, nothing kept in memory)', async () => {
      const other = await startTestHub({ databaseUrl: database.url, configYaml: CONFIG, registry: registryWithTestConnectors(), env: SECRETS });
      try {
        const tokenResponse = await fetch(`${hub.url}/hooks/xapi-in/oauth/token`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: basic(SECRETS.XAPI_CLIENT_ID, SECRETS.XAPI_CLIENT_SECRET) },
          body: 'grant_type=client_credentials',
        });
        const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
        const id = '0c7f5a1e-8d2b-4e6f-a1c3-5b7d9e0f1a2b';
        const response = await fetch(`${other.url}/hooks/xapi-in/xapi/statements`, {
          method: 'POST',
          headers: { ...XAPI, authorization: `Bearer ${token}` },
          body: JSON.stringify(statement(id, 'other.process@acme.example')),
        });
        expect(response.status).toBe(200);
        expect(await response.json()).toEqual([id]);
        expect(await statementEventually(id)).toMatchObject({ id });
      } finally {
        await other.close();
      }
    });

    it('refuses an invalid statement with the reasons, and other instances answer no xAPI paths', async () => {
      const bad = await fetch(`${hub.url}/hooks/xapi-in/xapi/statements`, {
        method: 'POST',
        headers: { ...XAPI, authorization: basic(SECRETS.XAPI_KEY, SECRETS.XAPI_SECRET) },
        body: JSON.stringify({ actor: { name: 'Only a name' }, verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, object: { id: 'https://x.example/a' } }),
      });
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ error: 'a statement is not valid xAPI; nothing was taken', details: [expect.stringMatching(/^statement\.actor: the agent has no identifier/)] });
      expect((await fetch(`${hub.url}/hooks/moodle/xapi/about`)).status).toBe(404);
    });
  });

  it('moodle: a local_webhooks course completion (token in the body) becomes completed, read back from the LRS', async () => {
    const body = (connectorSample('moodle/samples/course-completed.json').request.body as Record<string, unknown>);
    const response = await fetch(`${hub.url}/hooks/moodle`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    expect(response.status).toBe(202);
    const { eventId } = (await response.json()) as { eventId: string; events: { eventKey: string }[] };
    expect(eventId).toBeDefined();
    const statements = await eventuallyExactly(1, async () => (await getStatements(hub.url, { agent: JSON.stringify({ account: { homePage: 'https://moodle.acme.example', name: '15' } }) })).statements, 10_000, 'the Moodle completion');
    expect(statements[0]).toMatchObject({ verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, object: { id: 'https://moodle.acme.example/course/view.php?id=7' } });
  });

  it('bamboohr: a signed training record (X-BambooHR-Signature over body + timestamp, now) becomes completed in the LRS', async () => {
    const body = connectorSample('bamboohr/samples/training-completed.json').request.body as string;
    const signed = bambooHrSignedHeaders(SECRETS.BAMBOOHR_KEY, body);
    const response = await postJson(`${hub.url}/hooks/bamboohr`, body, signed);
    expect(response.status).toBe(202);
    // The record's own hint (work e-mail + employee id) teaches the directory: the statement is under her e-mail, 4711 its source actor.
    const statements = await eventuallyExactly(1, () => statementsFromSourceAccount(hub.url, { homePage: 'https://acme.bamboohr.com', name: '4711' }), 10_000, 'the BambooHR training');
    expect(statements[0]).toMatchObject({ verb: { id: 'http://adlnet.gov/expapi/verbs/completed' }, object: { id: 'https://acme.bamboohr.com/training-types/12' }, result: { duration: 'PT1H30M' } });

    const tampered = await postJson(`${hub.url}/hooks/bamboohr`, body.replace('1.5', '9.5'), signed);
    expect(tampered.status).toBe(401);
  });

  it('slack: a signed message in a learning channel (v0 signature, fresh timestamp) becomes shared in the LRS', async () => {
    const body = connectorSample('slack/samples/signed-message-in-learning-channel.json').request.body as string;
    const response = await postJson(`${hub.url}/hooks/slack`, body, slackSignedHeaders(SECRETS.SLACK_SECRET, body));
    expect(response.status).toBe(200); // Slack wants a quick 200
    const statement = await statementEventually(statementIdFor('slack', 'Ev0AB1CDEFGH', 'shared'));
    expect(statement).toMatchObject({ actor: { account: { homePage: 'https://acme.slack.com', name: 'U0ANA0001' } }, verb: { id: 'http://adlnet.gov/expapi/verbs/shared' } });
  });
});
