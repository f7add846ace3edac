import { statementIdFor } from '../src/connector-sdk';
import { SOURCE_ACTOR_EXTENSION } from '../src/identity/resolve-statement';
import { connectorSample } from './support/connector-samples';
import { bambooHrSignedHeaders, slackSignedHeaders } from './support/signed-webhooks';
import { freshDatabase, TEST_ENGINES, type TestDatabase } from './support/test-databases';
import { eventually, eventuallyExactly, startTestHub, TEST_LRS_KEY, TEST_LRS_SECRET, type TestHub } from './support/test-hub';
import { getStatementById, getStatements, postJson } from './support/xapi-client';

const TOKEN = 'identity-pipeline-admin-token-0123';
const SECRETS = {
  HUB_ADMIN_TOKEN: TOKEN,
  MOODLE_TOKEN: 'lw-token-7f3a9c2e1b',
  BAMBOOHR_KEY: 'bamboohr-private-key-current-0123',
  SLACK_SECRET: 'slack-signing-secret-current-0123',
  ICS_TOKEN: 'ics-upload-token-0123456789',
  CENTRAL_KEY: TEST_LRS_KEY,
  CENTRAL_SECRET: TEST_LRS_SECRET,
};
const PSEUDONYM_HOME = 'https://analytics.acme.example';
const config = (externalEndpoint: string) => `
destinations:
  - id: builtin
    type: builtin
  - id: analytics
    type: xapi
    endpoint: ${externalEndpoint}
    username: \${CENTRAL_KEY}
    password: \${CENTRAL_SECRET}
    pseudonymise: { key: "a-long-destination-key-0123", homePage: "${PSEUDONYM_HOME}" }
instances:
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
    identity: { unknownActors: hold }
    config: { teamDomain: acme, teamId: T0ACME123, learningChannels: [C0LEARN01] }
  - id: coaching
    connector: ics
    secrets: ["\${ICS_TOKEN}"]
    identity: { unknownActors: hold }
    config: { sessionKeywords: [coaching] }
`;

const sampleBody = (path: string) => connectorSample(path).request.body;
const ANA = 'mailto:ana.lima@acme.example';
const SLACK_ANA = { account: { homePage: 'https://acme.slack.com', name: 'U0ANA0001' } };

/**
 * The identity directory in the pipeline: real connectors over real HTTP → normalize (hints
 * learned, actors resolved, unknown ones held) → the built-in LRS in the clear and an external
 * LRS (a second hub's built-in LRS over HTTP) pseudonymised.
 */
describe.each(TEST_ENGINES)('one learner across sources, through the pipeline (%s)', (engine) => {
  const databases: TestDatabase[] = [];
  let external: TestHub;
  let hub: TestHub;

  beforeAll(async () => {
    databases.push(await freshDatabase('sqlite'), await freshDatabase(engine));
    external = await startTestHub({ databaseUrl: databases[0].url, env: { HUB_ROLE: 'lrs' } });
    hub = await startTestHub({ databaseUrl: databases[1].url, configYaml: config(`${external.url}/xapi/`), env: SECRETS });
  });
  afterAll(async () => {
    await hub?.close();
    await external?.close();
    await Promise.all(databases.map((d) => d.drop()));
  });

  const admin = (method: string, path: string, body?: unknown) =>
    fetch(`${hub.url}/admin/api${path}`, {
      method,
      headers: { authorization: `Bearer ${TOKEN}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  const sendSlack = async () => {
    const body = sampleBody('slack/samples/signed-message-in-learning-channel.json') as string;
    const response = await postJson(`${hub.url}/hooks/slack`, body, slackSignedHeaders(SECRETS.SLACK_SECRET, body));
    expect(response.status).toBe(200);
  };
  const slackId = statementIdFor('slack', 'Ev0AB1CDEFGH', 'shared');
  const sendBamboo = async (body: string) => {
    const response = await postJson(`${hub.url}/hooks/bamboohr`, body, bambooHrSignedHeaders(SECRETS.BAMBOOHR_KEY, body));
    expect(response.status).toBe(202);
  };
  const sendIcs = async (ics: string) => {
    const response = await fetch(`${hub.url}/hooks/coaching`, { method: 'POST', headers: { 'content-type': 'text/calendar', authorization: `Bearer ${SECRETS.ICS_TOKEN}` }, body: ics });
    expect(response.status).toBe(202);
  };

  it('holds a statement from an unknown Slack user, and sends it under the canonical actor once the admin adds the person', async () => {
    await sendSlack();
    const unresolved = await eventually(async () => {
      const body = (await (await admin('GET', '/unresolved-identities')).json()) as { unresolved: { identityKey: string; statements: number }[] };
      return body.unresolved.length > 0 ? body.unresolved : undefined;
    }, 10_000, 'the held Slack statement');
    expect(unresolved).toEqual([expect.objectContaining({ statements: 1, identityKey: expect.stringContaining('U0ANA0001') })]);
    await new Promise((r) => setTimeout(r, 500));
    expect(await getStatementById(hub.url, slackId)).toBeUndefined();

    const created = await admin('POST', '/people', {
      actor: { mbox: ANA, name: 'Ana Lima' },
      attributes: { team: 'Operations' },
      identities: [SLACK_ANA, { source: 'moodle', id: '15' }],
    });
    expect(created.status).toBe(201);

    const statement = await eventually(() => getStatementById(hub.url, slackId), 10_000, 'the released Slack statement');
    expect(statement).toMatchObject({ actor: { mbox: ANA, name: 'Ana Lima' }, verb: { id: 'http://adlnet.gov/expapi/verbs/shared' } });
    expect((statement.context as { extensions: Record<string, unknown> }).extensions[SOURCE_ACTOR_EXTENSION]).toEqual({ objectType: 'Agent', ...SLACK_ANA });
    expect(await (await admin('GET', '/unresolved-identities')).json()).toEqual({ unresolved: [] });
  });

  it('lands Moodle, Slack, BambooHR and calendar statements for one person under one canonical actor, the source identity in context', async () => {
    const moodle = await fetch(`${hub.url}/hooks/moodle`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sampleBody('moodle/samples/course-completed.json')) });
    expect(moodle.status).toBe(202);

    // BambooHR knows her as employee 4711: the record's own hint (work e-mail + id) teaches the directory before its statement is resolved.
    await sendBamboo(sampleBody('bamboohr/samples/training-completed.json') as string);
    await sendIcs(icsSession('coaching-ana', new Date(Date.now() - 2 * 86_400_000), 'Ana.Lima@ACME.example'));

    const statements = await eventually(async () => {
      const found = (await getStatements(hub.url, { agent: JSON.stringify({ mbox: ANA }) })).statements;
      return found.length === 4 ? found : undefined;
    }, 15_000, 'four statements under Ana');
    const platforms = statements.map((s) => (s.context as { platform: string }).platform).sort();
    expect(platforms).toEqual(['BambooHR', 'ICS feed', 'Moodle', 'Slack']);
    for (const statement of statements) expect(statement.actor).toEqual({ objectType: 'Agent', mbox: ANA, name: 'Ana Lima' });
    const sources = Object.fromEntries(statements.map((s) => [(s.context as { platform: string }).platform, (s.context as { extensions: Record<string, unknown> }).extensions[SOURCE_ACTOR_EXTENSION]]));
    expect(sources).toEqual({
      Moodle: { objectType: 'Agent', account: { homePage: 'https://moodle.acme.example', name: '15' } },
      Slack: { objectType: 'Agent', ...SLACK_ANA },
      BambooHR: { objectType: 'Agent', account: { homePage: 'https://acme.bamboohr.com', name: '4711' } },
      'ICS feed': { objectType: 'Agent', mbox: ANA },
    });
    // None of her source identities is an actor of its own in the LRS.
    expect((await getStatements(hub.url, { agent: JSON.stringify(SLACK_ANA) })).statements).toEqual([]);
    expect((await getStatements(hub.url, { agent: JSON.stringify({ account: { homePage: 'https://acme.bamboohr.com', name: '4711' } }) })).statements).toEqual([]);
  });

  it('releases a calendar statement held for an unknown attendee when a BambooHR employee record teaches the directory who she is', async () => {
    await sendIcs(icsSession('coaching-bea', new Date(Date.now() - 3 * 86_400_000), 'bea.sousa@acme.example'));
    await eventually(async () => {
      const body = (await (await admin('GET', '/unresolved-identities')).json()) as { unresolved: { identityKey: string }[] };
      return body.unresolved.some((u) => u.identityKey.includes('bea.sousa')) ? true : undefined;
    }, 10_000, 'the held calendar statement');
    expect((await getStatements(hub.url, { agent: JSON.stringify({ mbox: 'mailto:bea.sousa@acme.example' }) })).statements).toEqual([]);

    // An employee record without training: no statement of its own, only what it says about her.
    const record = (sampleBody('bamboohr/samples/employee-record-only.json') as string)
      .replace('Ana.Lima@acme.example', 'Bea.Sousa@acme.example')
      .replace('"First Name":"Ana","Last Name":"Lima"', '"First Name":"Bea","Last Name":"Sousa"')
      .replace('"id":"4711"', '"id":"4800"');
    await sendBamboo(record);

    const [statement] = await eventuallyExactly(1, async () => (await getStatements(hub.url, { agent: JSON.stringify({ mbox: 'mailto:bea.sousa@acme.example' }) })).statements, 10_000, 'the released calendar statement');
    expect(statement).toMatchObject({ actor: { mbox: 'mailto:bea.sousa@acme.example', name: 'Bea Sousa' }, verb: { id: 'http://adlnet.gov/expapi/verbs/attended' } });
    const person = (await (await admin('GET', `/people?identity=${encodeURIComponent(JSON.stringify({ account: { homePage: 'https://acme.bamboohr.com', name: '4800' } }))}`)).json()) as { attributes: Record<string, string> };
    expect(person.attributes).toMatchObject({ department: 'Operations' });
  });

  it('sends the external LRS the same pseudonym for her in every event, and no name or address', async () => {
    const statements = await eventually(async () => {
      const found = (await getStatements(external.url, { limit: '20' })).statements;
      return found.length === 5 ? found : undefined;
    }, 15_000, 'five statements in the external LRS');
    const actors = statements.map((s) => JSON.stringify(s.actor));
    expect(JSON.parse(actors[0])).toEqual({ objectType: 'Agent', account: { homePage: PSEUDONYM_HOME, name: expect.stringMatching(/^[0-9a-f]{64}$/) } });
    // Ana's four events share one pseudonym; Bea has another.
    const counts = [...new Set(actors)].map((actor) => actors.filter((a) => a === actor).length).sort();
    expect(counts).toEqual([1, 4]);
    const wire = JSON.stringify(statements);
    expect(wire).not.toMatch(/Ana Lima|ana\.lima|U0ANA0001|Bea Sousa|bea\.sousa|Bruno|4711/i);
    expect(wire).not.toContain(SOURCE_ACTOR_EXTENSION);
    // The hub's own LRS keeps her in the clear.
    expect(await getStatementById(hub.url, slackId)).toMatchObject({ actor: { mbox: ANA } });
  });
});

/** One past coaching session the attendee accepted, as a calendar exports it. */
function icsSession(uid: string, start: Date, email: string): string {
  const stamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  return [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Acme Corp//Coaching Calendar//EN',
    'BEGIN:VEVENT',
    `UID:${uid}@acme.example`,
    `DTSTAMP:${stamp(start)}`,
    `DTSTART:${stamp(start)}`,
    `DTEND:${stamp(new Date(start.getTime() + 3_600_000))}`,
    'SUMMARY:Coaching with Zoe',
    'ORGANIZER;CN="Zoe":mailto:zoe@acme.example',
    `ATTENDEE;CUTYPE=INDIVIDUAL;PARTSTAT=ACCEPTED;CN="Ana":mailto:${email}`,
    'END:VEVENT',
    'END:VCALENDAR',
    '',
  ].join('\r\n');
}
