import { IdentityResolver } from '../src/identity/identity-resolver.service';
import { HUB_DELIVERY_AUTHORITY } from '../src/lrs/auth/lrs-credentials';
import { StatementsService } from '../src/lrs/statements/statements.service';
import { type HubDatabase, openDatabase } from '../src/store/database';
import type { Statement } from '../src/xapi/statement';
import { exampleConfigWith } from './support/example-config';
import { freshDatabase, TEST_ENGINES, type TestDatabase } from './support/test-databases';
import { eventually, eventuallyExactly, LRS_BASIC, startTestHub, type TestHub } from './support/test-hub';
import { getStatements, postJson } from './support/xapi-client';

const TOKEN = 'identity-admin-token-0123456789';
const ADMIN = { authorization: `Bearer ${TOKEN}` };
const CONFIG = exampleConfigWith(`
  - id: moodle
    connector: generic-webhook
    identity: { cohortAttributes: [team] }
    config: { mapping: "nothing" }
  - id: slack
    connector: generic-webhook
    config: { mapping: "nothing" }
  - id: bamboohr
    connector: generic-webhook
    config: { mapping: "nothing" }
  - id: calendar
    connector: generic-webhook
    identity: { unknownActors: hold }
    config: { mapping: "nothing" }
retention: { inboxDays: 3650 }
`).replace('destinations:\n  - id: builtin\n    type: builtin', 'destinations:\n  - id: builtin\n    type: builtin\n  - id: analytics\n    type: xapi\n    endpoint: http://127.0.0.1:9/xapi/\n    username: u\n    password: p\n    pseudonymise: { key: a-long-destination-key, homePage: "https://analytics.acme.example" }');

const ANA = { actor: { mbox: 'mailto:ana@acme.example', name: 'Ana Lima' }, attributes: { team: 'Sales' } };

describe.each(TEST_ENGINES)('identity directory admin API (%s)', (engine) => {
  let database: TestDatabase;
  let hub: TestHub;
  let side: HubDatabase;

  beforeAll(async () => {
    database = await freshDatabase(engine);
    hub = await startTestHub({ databaseUrl: database.url, configYaml: CONFIG, env: { HUB_ADMIN_TOKEN: TOKEN } });
    side = openDatabase(database.url);
  });
  afterAll(async () => {
    await side?.db.destroy();
    await hub?.close();
    await database?.drop();
  });

  const admin = (method: string, path: string, body?: unknown, type = 'application/json') =>
    fetch(`${hub.url}/admin/api${path}`, {
      method,
      headers: { ...ADMIN, ...(body === undefined ? {} : { 'content-type': type }) },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('creates a person (201 with id), finds them by any identity, and refuses a taken identity with 409', async () => {
    const created = await admin('POST', '/people', {
      ...ANA,
      identities: [{ mbox: 'mailto:ana.lima@old.example' }, { account: { homePage: 'https://acme.slack.com', name: 'U07ANA' } }, { source: 'bamboohr', id: '377' }],
    });
    expect(created.status).toBe(201);
    const person = (await created.json()) as { id: string };
    expect(person).toMatchObject({ id: expect.any(String), actor: { objectType: 'Agent', mbox: 'mailto:ana@acme.example', name: 'Ana Lima' } });

    const found = await admin('GET', `/people?identity=${encodeURIComponent(JSON.stringify({ source: 'bamboohr', id: '377' }))}`);
    expect(found.status).toBe(200);
    expect(await found.json()).toMatchObject({ id: person.id, attributes: { team: 'Sales' } });

    const taken = await admin('POST', '/people', { actor: { mbox: 'mailto:someone@acme.example' }, identities: [{ account: { homePage: 'https://acme.slack.com/', name: 'U07ANA' } }] });
    expect(taken.status).toBe(409);
    expect(await taken.json()).toEqual({ error: expect.stringContaining('another person'), details: [`account:https://acme.slack.com|U07ANA belongs to person ${person.id}`] });
    // The refused person left nothing behind.
    expect((await admin('GET', `/people?identity=${encodeURIComponent('{"mbox":"mailto:someone@acme.example"}')}`)).status).toBe(404);
  });

  it('runs retention in this all-roles hub under a database lease', async () => {
    const lease = await eventually(async () => side.db.selectFrom('job_leases').selectAll().where('name', '=', 'retention').executeTakeFirst());
    expect(Date.parse(lease.expires_at)).toBeGreaterThan(Date.now());
  });

  it('answers 400 naming the field, and 401 without the token', async () => {
    const bad = await admin('POST', '/people', { actor: { mbox: 'ana' } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: 'the person is not valid', details: ['actor.mbox: a mailto: address, e.g. "mailto:ana@example.org"'] });
    expect((await fetch(`${hub.url}/admin/api/people`)).status).toBe(401);
  });

  it('patches attributes and identities, merges two people, and deletes', async () => {
    const bob = (await (await admin('POST', '/people', { actor: { mbox: 'mailto:bob@acme.example' }, attributes: { team: 'Ops', role: 'Lead' } })).json()) as { id: string };
    const patched = await admin('PATCH', `/people/${bob.id}`, { attributes: { role: null, location: 'Lisbon' }, identities: [{ source: 'canvas', id: '2001' }] });
    expect(await patched.json()).toMatchObject({ attributes: { team: 'Ops', location: 'Lisbon' }, identities: [{ mbox: 'mailto:bob@acme.example' }, { source: 'canvas', id: '2001' }] });

    const bobOnSlack = (await (await admin('POST', '/people', { actor: { account: { homePage: 'https://acme.slack.com', name: 'U0BOB' } }, attributes: { department: 'IT' } })).json()) as { id: string };
    const merged = await admin('POST', `/people/${bob.id}/merge`, { from: bobOnSlack.id });
    expect(merged.status).toBe(200);
    expect(await merged.json()).toMatchObject({ attributes: { team: 'Ops', location: 'Lisbon', department: 'IT' } });
    expect((await admin('GET', `/people/${bobOnSlack.id}`)).status).toBe(404);

    expect((await admin('DELETE', `/people/${bob.id}`)).status).toBe(204);
    expect((await admin('DELETE', `/people/${bob.id}`)).status).toBe(404);
  });

  it('imports CSV, reporting bad rows by line', async () => {
    const csv = ['email,name,team,account:https://acme.slack.com,source:bamboohr', 'carol@acme.example,Carol,Sales,U0CAROL,501', 'not-an-address,X,,,', 'ana@acme.example,,,U0CAROL,', 'ana@acme.example,,Marketing,,'].join('\n');
    const response = await admin('POST', '/people/import', csv, 'text/csv');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      created: 1,
      updated: 1,
      unchanged: 0,
      errors: [
        { line: 3, error: 'email.mbox: a mailto: address, e.g. "mailto:ana@example.org"' },
        { line: 4, error: expect.stringContaining('belong to different people') },
      ],
    });
    const ana = await (await admin('GET', `/people?identity=${encodeURIComponent('{"mbox":"mailto:ana@acme.example"}')}`)).json();
    expect(ana).toMatchObject({ attributes: { team: 'Marketing' } });
  });

  it('lands statements for one person from Moodle, Slack, BambooHR and a calendar in the built-in LRS under one actor', async () => {
    const resolver = hub.app.get(IdentityResolver, { strict: false });
    const lrs = hub.app.get(StatementsService, { strict: false });
    await resolver.learn('bamboohr', [{ identities: [{ mbox: 'mailto:hana@acme.example' }, { source: 'bamboohr', id: '612' }], name: 'Hana Sato', attributes: { team: 'Legal' } }]);
    await resolver.learn('slack', [{ identities: [{ account: { homePage: 'https://acme.slack.com', name: 'U0HANA' } }, { mbox: 'mailto:hana@acme.example' }] }]);
    const sources: [string, Statement['actor']][] = [
      ['moodle', { mbox: 'mailto:Hana@ACME.example', name: 'hana s' }],
      ['slack', { account: { homePage: 'https://acme.slack.com', name: 'U0HANA' } }],
      ['bamboohr', { account: { homePage: 'https://acme.bamboohr.com', name: '612' } }],
      ['calendar', { mbox: 'mailto:hana@acme.example' }],
    ];
    for (const [instanceId, actor] of sources) {
      const statement: Statement = { actor, verb: { id: 'http://adlnet.gov/expapi/verbs/attended' }, object: { id: `https://acme.example/${instanceId}/1` } };
      const { statements, held } = await resolver.resolve(instanceId, [statement]);
      expect(held).toEqual([]);
      await lrs.store(statements, HUB_DELIVERY_AUTHORITY, '1.0.3');
    }
    const { statements } = await getStatements(hub.url, { agent: JSON.stringify({ mbox: 'mailto:hana@acme.example' }) });
    expect(statements.map((s) => s.actor)).toEqual(Array(4).fill({ objectType: 'Agent', mbox: 'mailto:hana@acme.example', name: 'Hana Sato' }));
    const moodle = statements.find((s) => (s.object as { id: string }).id.includes('/moodle/'));
    expect((moodle?.context as { extensions: Record<string, unknown> }).extensions['https://xapi-hub.dev/extensions/cohort/team']).toBe('Legal');

    // The calendar instance holds what the directory does not know (its config says `hold`).
    const stranger: Statement = { actor: { mbox: 'mailto:ivan@partner.example' }, verb: { id: 'http://adlnet.gov/expapi/verbs/attended' }, object: { id: 'https://acme.example/calendar/2' } };
    expect((await resolver.resolve('calendar', [stranger], 'evt-ivan')).held).toHaveLength(1);
    expect(await (await admin('GET', '/unresolved-identities')).json()).toEqual({
      unresolved: [{ identityKey: 'mbox:mailto:ivan@partner.example', statements: 1, oldest: expect.any(String) }],
    });
  });

  it('re-issues a stranger’s past statements under the person they turned out to be', async () => {
    const event = (id: string) => ({ id, email: 'erin.private@gmail.example', name: 'E', verb: 'completed', course: 'https://lms.example.org/course/7', title: 'T', at: '2026-11-27T10:00:00Z' });
    for (const id of ['r-1', 'r-2']) expect((await postJson(`${hub.url}/hooks/demo`, event(id))).status).toBe(202);
    const stranger = { mbox: 'mailto:erin.private@gmail.example' };
    await eventually(async () => ((await getStatements(hub.url, { agent: JSON.stringify(stranger) })).statements.length === 2 ? true : undefined));

    const erin = (await (await admin('POST', '/people', { actor: { mbox: 'mailto:erin@acme.example', name: 'Erin' }, identities: [stranger] })).json()) as { id: string };
    const response = await admin('POST', `/people/${erin.id}/reissue`, { from: stranger });
    const plan = (await response.json()) as { voiding: unknown[]; corrected: { actor: unknown }[] };
    expect(plan.voiding).toHaveLength(2);
    expect(plan.corrected.map((s) => s.actor)).toEqual([
      { objectType: 'Agent', mbox: 'mailto:erin@acme.example', name: 'Erin' },
      { objectType: 'Agent', mbox: 'mailto:erin@acme.example', name: 'Erin' },
    ]);
    // Only the voiding statements still point at the stranger's (now voided) statements.
    const left = (await getStatements(hub.url, { agent: JSON.stringify(stranger) })).statements;
    expect(left.map((s) => (s.verb as { id: string }).id)).toEqual(['http://adlnet.gov/expapi/verbs/voided', 'http://adlnet.gov/expapi/verbs/voided']);
    expect((await getStatements(hub.url, { agent: JSON.stringify({ mbox: 'mailto:erin@acme.example' }) })).statements).toHaveLength(2);
    // Running it again finds nothing left to fix.
    expect(await (await admin('POST', `/people/${erin.id}/reissue`, { from: stranger })).json()).toEqual({ voiding: [], corrected: [] });
  });

  it('erases a learner: the dry run counts exactly what the real run removes, and the audit keeps no personal data', async () => {
    const frank = (await (await admin('POST', '/people', { actor: { mbox: 'mailto:frank@acme.example', name: 'Frank' }, identities: [{ account: { homePage: 'https://acme.slack.com', name: 'U0FRANK' } }] })).json()) as { id: string };
    const event = (id: string, email: string) => ({ id, email, name: 'F', verb: 'completed', course: 'https://lms.example.org/course/9', title: 'T', at: '2026-11-27T10:00:00Z' });
    for (const id of ['f-1', 'f-2']) await postJson(`${hub.url}/hooks/demo`, event(id, 'Frank@acme.example'));
    await postJson(`${hub.url}/hooks/demo`, event('g-1', 'grace@acme.example'));
    // Resolution writes them under his canonical actor.
    await eventuallyExactly(2, async () => (await getStatements(hub.url, { agent: JSON.stringify({ mbox: 'mailto:frank@acme.example' }) })).statements);
    // Grace's too, before the erasure: she must still be there after it (not merely not yet delivered).
    await eventuallyExactly(1, async () => (await getStatements(hub.url, { agent: JSON.stringify({ mbox: 'mailto:grace@acme.example' }) })).statements);
    const profile = await fetch(`${hub.url}/xapi/agents/profile?agent=${encodeURIComponent('{"mbox":"mailto:frank@acme.example"}')}&profileId=prefs`, {
      method: 'PUT',
      headers: { authorization: LRS_BASIC, 'x-experience-api-version': '1.0.3', 'content-type': 'application/json', 'if-none-match': '*' },
      body: '{"theme":"dark"}',
    });
    expect([profile.status, await profile.text()]).toEqual([204, '']);
    const now = new Date().toISOString();
    await side.db.insertInto('quarantine').values({ event_id: 'x', instance_id: 'slack', statement_id: 'q1', statement: '{"actor":{"account":{"name":"U0FRANK"}}}', reasons: '[]', created_at: now }).execute();
    await side.db.insertInto('held_statements').values({ instance_id: 'slack', event_id: null, identity_key: 'account:https://acme.slack.com|U0FRANK', statement_key: 'k1', statement: '{}', held_at: now }).execute();

    const dry = await admin('POST', '/erasure', { actor: { account: { homePage: 'https://acme.slack.com', name: 'U0FRANK' } }, dryRun: true });
    // His two statements' outbox rows (delivered to the built-in LRS) carry him too.
    const expected = { people: 1, identities: 2, inboxEvents: 2, quarantined: 1, heldStatements: 1, outboxRows: 2, statements: 2, documents: 1 };
    expect(await dry.json()).toEqual({ counts: expected });

    const real = await admin('POST', '/erasure', { actor: { mbox: 'mailto:frank@acme.example' } });
    expect(await real.json()).toEqual({ counts: expected, externalDestinations: [{ id: 'analytics', endpoint: 'http://127.0.0.1:9/xapi/', pseudonymised: true }] });
    expect(await (await admin('POST', '/erasure', { actor: { mbox: 'mailto:frank@acme.example' }, dryRun: true })).json()).toEqual({
      counts: { people: 0, identities: 0, inboxEvents: 0, quarantined: 0, heldStatements: 0, outboxRows: 0, statements: 0, documents: 0 },
    });
    expect((await admin('GET', `/people/${frank.id}`)).status).toBe(404);
    expect((await getStatements(hub.url, { agent: JSON.stringify({ mbox: 'mailto:grace@acme.example' }) })).statements).toHaveLength(1);

    const audit = await (await admin('GET', '/erasure/audit')).text();
    expect(JSON.parse(audit).erasures[0]).toMatchObject({ requestedBy: 'admin-api', counts: expected, externalDestinations: ['analytics'] });
    expect(audit.toLowerCase()).not.toContain('frank');
  }, 90_000);
});
