import { createHmac, randomBytes } from 'node:crypto';
import { statementIdFor } from '../src/connector-sdk';
import type { HubDatabase } from '../src/store/database';
import { HUB_DATABASE } from '../src/store/hub-database.token';
import { StrandedEventsSweeper } from '../src/normalize/stranded-events.sweeper';
import { ADMIN_TOKEN } from './support/admin-client';
import { exampleConfigWith } from './support/example-config';
import { registryWithTestConnectors } from './support/test-connectors';
import { freshDatabase, TEST_ENGINES, type TestDatabase } from './support/test-databases';
import { eventually, startTestHub, type TestHub } from './support/test-hub';
import { getStatements, postJson } from './support/xapi-client';

const CONFIG = exampleConfigWith(`
  - id: events
    connector: test-events
  - id: polled
    connector: test-events
    config: { pollMs: 100 }
  - id: rotating
    connector: generic-webhook
    secrets: ["\${ROTATING_NEW}", "\${ROTATING_OLD}"]
    config: { eventKey: id, mapping: "nothing" }
`);
const ROTATING = { ROTATING_NEW: 'the-new-secret-0123456789', ROTATING_OLD: 'the-old-secret-0123456789' };

const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

describe.each(TEST_ENGINES)('the connector host (%s)', (engine) => {
  let database: TestDatabase;
  let hub: TestHub;
  const prefix = `test-${randomBytes(5).toString('hex')}`;
  const start = (queuePrefix = prefix) =>
    startTestHub({
      databaseUrl: database.url,
      configYaml: CONFIG,
      registry: registryWithTestConnectors(),
      env: { HUB_ADMIN_TOKEN: ADMIN_TOKEN, QUEUE_PREFIX: queuePrefix, ...ROTATING },
    });

  beforeAll(async () => {
    database = await freshDatabase(engine);
    hub = await start();
  });
  afterAll(async () => {
    await hub?.close();
    await database?.drop();
  });

  const statementsOf = (email: string) => getStatements(hub.url, { agent: JSON.stringify({ mbox: `mailto:${email}` }) });
  const statementsEventually = (email: string, count: number, timeoutMs = 10_000) =>
    eventually(
      async () => {
        const { statements } = await statementsOf(email);
        return statements.length === count ? statements : undefined;
      },
      timeoutMs,
      `${count} statement(s) for ${email}`,
    );
  const inboxRows = (instance: string) =>
    hub.app.get<symbol, HubDatabase>(HUB_DATABASE).db.selectFrom('inbox').selectAll().where('instance_id', '=', instance).orderBy('seq').execute();
  const eventView = async (eventId: string) => (await fetch(`${hub.url}/admin/api/events/${eventId}`, { headers: admin })).json() as Promise<Record<string, unknown>>;

  it('carries a form body to the connector', async () => {
    const response = await fetch(`${hub.url}/hooks/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'id=form-1&email=form%40example.org&verb=completed',
    });
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ duplicate: false, events: [{ eventKey: 'form-1', duplicate: false }], rejected: [] });
    const [statement] = await statementsEventually('form@example.org', 1);
    expect(statement).toMatchObject({ id: statementIdFor('events', 'form-1', 'main'), object: { id: 'https://test.example.org/events/form-1' } });
  });

  it('carries an empty body (no Content-Type) to the connector', async () => {
    const response = await fetch(`${hub.url}/hooks/events`, { method: 'POST', headers: { 'x-message-number': '7' } });
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ events: [{ eventKey: 'push-7' }] });
    await statementsEventually('push@example.org', 1);
  });

  it('stores a request that splits into three events as three inbox rows, making three statements', async () => {
    const batch = ['a', 'b', 'c'].map((n) => ({ id: `batch-${n}`, email: 'batch@example.org' }));
    const response = await postJson(`${hub.url}/hooks/events`, batch);
    expect(response.status).toBe(202);
    const answer = (await response.json()) as { eventId?: string; events: { eventKey: string; eventId: string; duplicate: boolean }[] };
    expect(answer.eventId).toBeUndefined();
    expect(answer.events.map((e) => e.eventKey)).toEqual(['batch-a', 'batch-b', 'batch-c']);

    const rows = (await inboxRows('events')).filter((r) => r.event_key.startsWith('batch-'));
    expect(rows.map((r) => [r.event_id, JSON.parse(r.raw_body)])).toEqual(answer.events.map((e, i) => [e.eventId, batch[i]]));
    const statements = await statementsEventually('batch@example.org', 3);
    expect(statements.map((s) => s.id).sort()).toEqual(answer.events.map((e) => statementIdFor('events', e.eventKey, 'main')).sort());

    // Each event dedupes on its own: a repeat with one new event stores only that one.
    const again = await postJson(`${hub.url}/hooks/events`, [...batch.slice(0, 1), { id: 'batch-d', email: 'batch@example.org' }]);
    expect(((await again.json()) as { events: { duplicate: boolean }[] }).events.map((e) => e.duplicate)).toEqual([true, false]);
    await statementsEventually('batch@example.org', 4);
  });

  it('takes the good rows of a CSV and reports the bad ones by line', async () => {
    const csv = '\uFEFFid,email\r\ncsv-1,csv@example.org\r\ncsv-2,\r\n"csv-3","csv@example.org"\r\n';
    const response = await fetch(`${hub.url}/hooks/events`, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: csv });
    expect(response.status).toBe(202);
    expect(await response.json()).toMatchObject({ events: [{ eventKey: 'csv-1' }, { eventKey: 'csv-3' }], rejected: [{ at: 'line 3', reason: 'no email' }] });
    await statementsEventually('csv@example.org', 2);
  });

  it("verifies with any of an instance's active secrets, from the environment", async () => {
    const body = JSON.stringify({ id: 'rotated' });
    const signed = (secret: string) => ({ 'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` });
    expect((await postJson(`${hub.url}/hooks/rotating`, body, signed(ROTATING.ROTATING_NEW))).status).toBe(202);
    expect((await postJson(`${hub.url}/hooks/rotating`, body, signed(ROTATING.ROTATING_OLD))).status).toBe(202);
    const refused = await postJson(`${hub.url}/hooks/rotating`, body, signed('a-secret-nobody-configured'));
    expect(refused.status).toBe(401);
  });

  it('lets the connector shape the 2xx answer', async () => {
    const response = await postJson(`${hub.url}/hooks/events?reply=text`, { id: 'reply-1', email: 'reply@example.org' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await response.text()).toBe('got 1 event(s)');
  });

  it('marks an ignored event with its reason, readable in the admin API', async () => {
    const response = await postJson(`${hub.url}/hooks/events`, { id: 'bot-1', ignore: 'a bot wrote it' });
    const { eventId } = (await response.json()) as { eventId: string };
    const view = await eventually(async () => {
      const v = await eventView(eventId);
      return v.status === 'ignored' ? v : undefined;
    });
    expect(view).toMatchObject({ status: 'ignored', detail: 'a bot wrote it' });
  });

  it('maps a "later" event at its time, after a restart, and after Redis lost its job', async () => {
    const until = new Date(Date.now() + 2500).toISOString();
    const lostUntil = new Date(Date.now() + 5000).toISOString();
    const kept = (await (await postJson(`${hub.url}/hooks/events`, { id: 'later-kept', email: 'later@example.org', until })).json()) as { eventId: string };
    const lost = (await (await postJson(`${hub.url}/hooks/events`, { id: 'later-lost', email: 'lost@example.org', until: lostUntil })).json()) as {
      eventId: string;
    };
    const waiting = await eventually(async () => {
      const v = await eventView(kept.eventId);
      return v.status === 'waiting' ? v : undefined;
    });
    expect(waiting).toMatchObject({ detail: 'the session has not ended', dueAt: new Date(until).toISOString() });
    await eventually(async () => ((await eventView(lost.eventId)).status === 'waiting' ? true : undefined));

    // A restart before the due time: the delayed job is still in Redis under the same prefix.
    await hub.close();
    hub = await start();
    const [statement] = await statementsEventually('later@example.org', 1);
    expect(statement).toMatchObject({ id: statementIdFor('events', 'later-kept', 'main'), timestamp: new Date(until).toISOString() });
    expect(Date.now()).toBeGreaterThanOrEqual(new Date(until).getTime());

    // `later-lost` went through the same restart; now lose Redis's copy too (a hub on a fresh
    // queue prefix sees an empty Redis): the inbox row alone brings it back once it is due.
    await hub.close();
    hub = await start(`test-${randomBytes(5).toString('hex')}`);
    expect(await eventView(lost.eventId)).toMatchObject({ status: 'waiting' });
    await new Promise((r) => setTimeout(r, new Date(lostUntil).getTime() - Date.now() + 50));
    expect(await hub.app.get(StrandedEventsSweeper).sweep(new Date())).toBe(1);
    await statementsEventually('lost@example.org', 1);
    expect(await eventView(lost.eventId)).toMatchObject({ status: 'normalized' });
  });

  it('runs a scheduled task: its events come in once (deduped by key), its state kept in the database', async () => {
    await statementsEventually('poll@example.org', 1);
    const db = hub.app.get<symbol, HubDatabase>(HUB_DATABASE).db;
    const runs = await eventually(async () => {
      const row = await db.selectFrom('connector_state').selectAll().where('instance_id', '=', 'polled').where('key', '=', 'runs').executeTakeFirst();
      return row && Number(JSON.parse(row.value)) >= 3 ? Number(JSON.parse(row.value)) : undefined;
    });
    expect(runs).toBeGreaterThanOrEqual(3);
    expect(await inboxRows('polled')).toHaveLength(1);
    expect((await statementsOf('poll@example.org')).statements).toHaveLength(1);
  });
});
