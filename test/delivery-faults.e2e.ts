import { admin } from './support/admin-client';
import { ADMIN_ENV, hubYaml, lmsEvent, postEvents, xapiDestination } from './support/delivery-hub';
import { MisbehavingLrs } from './support/misbehaving-lrs';
import { freshDatabase, type TestDatabase } from './support/test-databases';
import { eventually, eventuallyExactly, LRS_BASIC, startTestHub, type TestHub } from './support/test-hub';
import { getStatements, postJson } from './support/xapi-client';

interface DeadLetter {
  id: number;
  reason: string;
  answer: string;
  statementId: string;
  eventId: string;
}

/** Fault tests of delivery against a real HTTP LRS that misbehaves on purpose (issue #6, tests 2–5). */
describe('delivery you can trust', () => {
  const cleanup: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step();
  });

  async function setUp(destinations: (lrs: MisbehavingLrs) => string) {
    const lrs = await MisbehavingLrs.start({ username: 'hub', password: 'secret' });
    const database: TestDatabase = await freshDatabase('sqlite');
    const hub: TestHub = await startTestHub({ databaseUrl: database.url, configYaml: hubYaml(destinations(lrs)), env: ADMIN_ENV });
    cleanup.push(() => lrs.close(), () => database.drop(), () => hub.close());
    return { lrs, hub };
  }

  const heldAll = (lrs: MisbehavingLrs, n: number) => eventually(async () => (lrs.held.size >= n ? true : undefined), 20_000, `${n} statements in the LRS`);

  it('2: an LRS answering 503 for a while gets everything once it recovers, with backoff rather than a hot loop', async () => {
    const { lrs, hub } = await setUp((l) => xapiDestination('central', l.endpoint, 'secret'));
    lrs.failWith = { status: 503 };
    const eventIds = await postEvents(hub.url, Array.from({ length: 20 }, (_, i) => lmsEvent(`outage-${i}`)));
    await new Promise((r) => setTimeout(r, 2000));
    const failed = lrs.posts.filter((p) => p.status === 503);
    lrs.failWith = undefined;
    await heldAll(lrs, 20);

    // 2 s of outage at a 100 ms first delay doubling to 400 ms (and a breaker) is a handful of tries, not hundreds.
    expect(failed.length).toBeGreaterThanOrEqual(3);
    expect(failed.length).toBeLessThan(20);
    const gaps = failed.slice(1).map((p, i) => p.at - failed[i].at);
    expect(Math.max(...gaps.slice(-2))).toBeGreaterThan(gaps[0]);

    const { body: chain } = await admin<{ destinations: Record<string, { status: string; attempts: number; lastAnswer: string }[]> }>(hub.url, 'GET', `events/${eventIds[0]}`);
    await eventually(async () => {
      const { body } = await admin<typeof chain>(hub.url, 'GET', `events/${eventIds[0]}`);
      return body.destinations.central[0].status === 'delivered' ? true : undefined;
    });
    const { body: after } = await admin<typeof chain>(hub.url, 'GET', `events/${eventIds[0]}`);
    expect(after.destinations.central[0].attempts).toBeGreaterThan(1);
    expect(after.destinations.central[0].lastAnswer).toMatch(/503/);
    expect(chain.destinations.central).toHaveLength(1);
    expect((await admin<unknown[]>(hub.url, 'GET', 'dead-letters')).body).toEqual([]);
    const metrics = await (await fetch(`${hub.url}/metrics`)).text();
    expect(metrics).toMatch(/hub_statements_retried_total\{destination="central"\} [1-9]/);
    expect(metrics).toMatch(/hub_statements_delivered_total\{destination="central"\} 20/);
    expect(metrics).toMatch(/hub_delivery_lag_seconds_count\{destination="central"\} 20/);
  });

  it('3: the same webhook three times, and a batch whose answer was lost after it landed, give one statement each', async () => {
    const { lrs, hub } = await setUp((l) => xapiDestination('central', l.endpoint, 'secret'));
    for (let i = 0; i < 3; i++) expect((await postJson(`${hub.url}/hooks/lms`, lmsEvent('thrice'))).status).toBe(202);
    await heldAll(lrs, 1);

    // The LRS stores the next batch, then the connection drops: the hub never hears it landed.
    // It tries again; this LRS then answers 409 for ids it holds, so the hub compares.
    lrs.dropAnswers = 1;
    lrs.conflictOnHeld = true;
    const [eventId] = await postEvents(hub.url, [lmsEvent('lost-answer')]);
    await eventually(async () => {
      const { body } = await admin<{ destinations: Record<string, { status: string }[]> }>(hub.url, 'GET', `events/${eventId}`);
      return body.destinations.central?.[0].status === 'delivered' ? true : undefined;
    });
    expect(lrs.held.size).toBe(2);
    expect(lrs.posts.filter((p) => p.status === 409)).toHaveLength(1);
    expect((await admin<unknown[]>(hub.url, 'GET', 'dead-letters')).body).toEqual([]);
  });

  it('4: one statement of 50 refused with 400 → 49 delivered, 1 dead letter with the reason; replayed once fixed, twice makes no copy', async () => {
    const { lrs, hub } = await setUp((l) => xapiDestination('central', l.endpoint, 'secret', { batchSize: 50, lingerMs: 300 }));
    lrs.reject = (s) => (JSON.stringify(s.actor).includes('bad-') ? 'actor is on the blocklist' : undefined);
    await postEvents(hub.url, Array.from({ length: 50 }, (_, i) => lmsEvent(i === 17 ? 'bad-one' : `batch-${i}`)));
    const [dead] = await eventually(async () => {
      const { body } = await admin<DeadLetter[]>(hub.url, 'GET', 'dead-letters?destination=central&reason=rejected');
      return body.length > 0 && lrs.held.size === 49 ? body : undefined;
    }, 20_000);
    expect(dead.answer).toMatch(/400.*actor is on the blocklist/);
    expect(lrs.posts.some((p) => p.status === 400 && p.size > 1)).toBe(true);
    const { body: one } = await admin<DeadLetter & { statement: { actor: unknown }; attempts: number }>(hub.url, 'GET', `dead-letters/${dead.id}`);
    expect(one).toMatchObject({ reason: 'rejected', attempts: 1, statement: { actor: { mbox: 'mailto:bad-one@example.org' } } });

    lrs.reject = undefined;
    expect((await admin(hub.url, 'POST', 'dead-letters/replay', { ids: [dead.id] })).body).toEqual({ replayed: 1 });
    await heldAll(lrs, 50);
    expect((await admin(hub.url, 'POST', 'dead-letters/replay', { ids: [dead.id] })).body).toEqual({ replayed: 0 });
    expect((await admin(hub.url, 'POST', 'dead-letters/replay', { destination: 'central' })).body).toEqual({ replayed: 0 });
    expect(lrs.held.size).toBe(50);
    expect((await admin(hub.url, 'POST', 'dead-letters/replay', {})).status).toBe(400);
  });

  it('4b: the built-in LRS stores the 49 and dead-letters the one whose id it holds with other content', async () => {
    const { hub } = await setUp(() => `\n  - id: builtin\n    type: builtin\n    batchSize: 50\n    lingerMs: 300`);
    const taken = '8f0c2a52-5a8e-4c1e-9a51-2f3c00000001';
    const existing = { id: taken, actor: { mbox: 'mailto:someone-else@example.org' }, verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' }, object: { id: 'https://x.example/1' } };
    const stored = await postJson(`${hub.url}/xapi/statements`, existing, { authorization: LRS_BASIC, 'x-experience-api-version': '1.0.3' });
    expect(stored.status).toBe(200);
    await postEvents(hub.url, Array.from({ length: 50 }, (_, i) => lmsEvent(`builtin-${i}`, i === 5 ? { sid: taken } : {})));
    const [dead] = await eventually(async () => {
      const { body } = await admin<DeadLetter[]>(hub.url, 'GET', 'dead-letters?destination=builtin');
      return body.length > 0 ? body : undefined;
    }, 20_000);
    expect(dead).toMatchObject({ reason: 'conflict', statementId: taken, answer: expect.stringMatching(/already exists with other content/) });
    const all = await eventually(async () => {
      const { statements } = await getStatements(hub.url, { limit: '200' });
      return statements.length === 50 ? statements : undefined;
    });
    // 49 of the batch plus the one that was there before, which kept its content.
    expect(all.find((s) => s.id === taken)).toMatchObject({ actor: { mbox: 'mailto:someone-else@example.org' } });
  });

  it('5: wrong credentials pause the destination with an alert and dead-letter nothing; fixed and resumed, everything arrives', async () => {
    const { lrs, hub } = await setUp(
      (l) => xapiDestination('central', l.endpoint, 'wrong', { probeEveryMs: 600_000 }) + xapiDestination('embedded', 'http://user:pw-in-url@127.0.0.1:1/xapi/', 'x'),
    );
    await postEvents(hub.url, Array.from({ length: 30 }, (_, i) => lmsEvent(`creds-${i}`)));
    type Listed = { id: string; state: string; pausedReason: string; backlog: number; endpoint: string }[];
    const paused = await eventually(async () => {
      const { body } = await admin<Listed>(hub.url, 'GET', 'destinations');
      const central = body.find((d) => d.id === 'central')!;
      return central.state === 'paused' && central.backlog === 30 ? body : undefined;
    });
    expect(paused.find((d) => d.id === 'central')!.pausedReason).toMatch(/401/);
    expect(JSON.stringify(paused)).not.toContain('pw-in-url');
    expect(paused.find((d) => d.id === 'embedded')!.endpoint).toBe('http://user:***@127.0.0.1:1/xapi/');
    const health = await fetch(`${hub.url}/health`);
    expect(health.status).toBe(200);
    // (`embedded` points at a closed port: it is failing, as it should be.)
    expect(await health.json()).toMatchObject({ status: 'degraded', degraded: expect.arrayContaining([expect.objectContaining({ destination: 'central', state: 'paused' })]) });
    // One refused batch, not a storm: the destination stopped at the first 401.
    expect(lrs.posts.length).toBeLessThanOrEqual(2);
    expect((await admin<unknown[]>(hub.url, 'GET', 'dead-letters')).body).toEqual([]);

    lrs.credentials.password = 'wrong'; // the LRS's admin issues the key the hub holds
    expect((await admin<{ state: string }>(hub.url, 'POST', 'destinations/central/resume')).body.state).toBe('active');
    await heldAll(lrs, 30);
    const { degraded } = (await (await fetch(`${hub.url}/health`)).json()) as { degraded: { destination: string }[] };
    expect(degraded.map((d) => d.destination)).toEqual(['embedded']);
  });

  it('a rate-limited destination gets no more statements per second than its limit allows', async () => {
    const { lrs, hub } = await setUp((l) => xapiDestination('central', l.endpoint, 'secret', { rateLimitPerSecond: 4, lingerMs: 200 }));
    await postEvents(hub.url, Array.from({ length: 12 }, (_, i) => lmsEvent(`rate-${i}`)));
    await heldAll(lrs, 12);
    expect(Math.max(...lrs.posts.map((p) => p.size))).toBeLessThanOrEqual(4);
    // 12 statements at 4/s: the first 4 at once, the other 8 over at least ~2 s.
    expect(lrs.posts[lrs.posts.length - 1].at - lrs.posts[0].at).toBeGreaterThanOrEqual(1500);
  });

  it('serves the admin API as an OpenAPI document', async () => {
    const { hub } = await setUp((l) => xapiDestination('central', l.endpoint, 'secret'));
    const page = await fetch(`${hub.url}/admin/api/docs`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const response = await fetch(`${hub.url}/admin/api/docs-json`);
    expect(response.status).toBe(200);
    const { paths } = (await response.json()) as { paths: Record<string, unknown> };
    for (const path of [
      '/admin/api/dead-letters',
      '/admin/api/dead-letters/{id}',
      '/admin/api/dead-letters/replay',
      '/admin/api/dead-letters/{id}/discard',
      '/admin/api/quarantine',
      '/admin/api/events',
      '/admin/api/events/{eventId}',
      '/admin/api/destinations',
      '/admin/api/destinations/{id}/pause',
      '/admin/api/destinations/{id}/resume',
    ]) {
      expect(Object.keys(paths)).toContain(path);
    }
  });

  it('quarantined statements show their reasons, and are delivered once after the mapping is fixed and the event replayed', async () => {
    const database = await freshDatabase('sqlite');
    cleanup.push(() => database.drop());
    const config = (verb: string) => `
destinations:
  - id: builtin
    type: builtin
instances:
  - id: lms
    connector: generic-webhook
    config:
      eventKey: id
      mapping: |
        { "actor": { "mbox": "mailto:" & email }, "verb": { "id": ${verb} }, "object": { "id": course } }
`;
    // The mapping forgets to make the verb an IRI: the statement is quarantined with the reason.
    const broken = await startTestHub({ databaseUrl: database.url, configYaml: config('verb'), env: ADMIN_ENV });
    const [eventId] = await postEvents(broken.url, [lmsEvent('quarantined-1')]);
    type Quarantined = { eventId: string; reasons: { path: string; reason: string }[] }[];
    const [row] = await eventually(async () => {
      const { body } = await admin<Quarantined>(broken.url, 'GET', 'quarantine');
      return body.length > 0 ? body : undefined;
    });
    expect(row.eventId).toBe(eventId);
    expect(row.reasons).toEqual(expect.arrayContaining([expect.objectContaining({ path: expect.stringContaining('verb.id') })]));
    const { body: chain } = await admin<{ status: string; quarantined: unknown[] }>(broken.url, 'GET', `events/${eventId}`);
    expect(chain).toMatchObject({ status: 'quarantined', quarantined: [expect.objectContaining({ reasons: row.reasons })] });
    await broken.close();

    const fixed = await startTestHub({ databaseUrl: database.url, configYaml: config('"http://adlnet.gov/expapi/verbs/" & verb'), env: ADMIN_ENV });
    cleanup.push(() => fixed.close());
    expect((await admin(fixed.url, 'POST', 'quarantine/replay', { eventIds: [eventId] })).body).toEqual({ replayed: 1 });
    await eventuallyExactly(1, async () => (await getStatements(fixed.url, {})).statements);
    expect((await admin(fixed.url, 'POST', 'quarantine/replay', { eventIds: [eventId] })).body).toEqual({ replayed: 0 });
    expect((await admin<unknown[]>(fixed.url, 'GET', 'quarantine')).body).toEqual([]);
    const { body: after } = await admin<{ status: string; destinations: Record<string, { status: string }[]> }>(fixed.url, 'GET', `events/${eventId}`);
    expect(after).toMatchObject({ status: 'normalized', destinations: { builtin: [{ status: 'delivered' }] } });
  });
});
