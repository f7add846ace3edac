import { createHmac } from 'node:crypto';
import { exampleConfigWith } from './support/example-config';
import { TEST_ENGINES } from './support/test-databases';
import { eventually, eventuallyExactly, startTestHubOnFreshDatabase, type TestHub } from './support/test-hub';
import { getStatements, postJson } from './support/xapi-client';

const SECRET = 'a-shared-secret-for-tests';

/** The shipped example (without its limits) plus more instances, so every intake path runs. */
const CONFIG = exampleConfigWith(`
  - id: throttled
    connector: generic-webhook
    rateLimitPerSecond: 2
    config: { mapping: "nothing" }
  - id: signed
    connector: generic-webhook
    config:
      eventKey: id
      secret: ${SECRET}
      mapping: |
        { "actor": { "mbox": "mailto:" & email }, "verb": { "id": "http://adlnet.gov/expapi/verbs/" & verb },
          "object": { "id": course }, "timestamp": at }
limits:
  bodyLimitBytes: 4096
`);

const event = (id: string, email = 'ana@example.org') => ({
  id,
  email,
  name: 'Ana',
  verb: 'completed',
  course: 'https://lms.example.org/course/42',
  title: 'Safety 101',
  score: 0.9,
  at: '2026-11-27T10:00:00Z',
});

const sign = (body: string) => `sha256=${createHmac('sha256', SECRET).update(body).digest('hex')}`;

describe.each(TEST_ENGINES)('webhook → queue → built-in LRS (%s)', (engine) => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startTestHubOnFreshDatabase(engine, { configYaml: CONFIG });
  });
  afterAll(() => hub?.close());

  const statementsOf = (email: string) =>
    getStatements(hub.url, { agent: JSON.stringify({ mbox: `mailto:${email}` }), verb: 'http://adlnet.gov/expapi/verbs/completed' });

  it('stores the statement the demo mapping makes, readable through /xapi/statements', async () => {
    const response = await postJson(`${hub.url}/hooks/demo`, event('evt-1'));
    expect(response.status).toBe(202);
    const { eventId } = (await response.json()) as { eventId: string };
    expect(eventId).toMatch(/^[0-9a-f-]{36}$/);

    const [statement] = await eventually(async () => {
      const { statements } = await statementsOf('ana@example.org');
      return statements.length > 0 ? statements : undefined;
    });
    expect(statement).toMatchObject({
      actor: { objectType: 'Agent', mbox: 'mailto:ana@example.org', name: 'Ana' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed', display: { 'en-US': 'completed' } },
      object: { objectType: 'Activity', id: 'https://lms.example.org/course/42', definition: { name: { 'en-US': 'Safety 101' } } },
      result: { score: { scaled: 0.9 } },
      // The LRS keeps millisecond precision on every timestamp it returns.
      timestamp: '2026-11-27T10:00:00.000Z',
      version: '1.0.0',
    });
    expect(statement.stored).toEqual(expect.any(String));
    expect(statement.authority).toMatchObject({ objectType: 'Agent' });
  });

  it('accepts a repeat of the same event once: 202 again, still one statement', async () => {
    const first = await postJson(`${hub.url}/hooks/demo`, event('evt-dup', 'bo@example.org'));
    const second = await postJson(`${hub.url}/hooks/demo`, event('evt-dup', 'bo@example.org'));
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    const a = (await first.json()) as { eventId: string };
    const b = (await second.json()) as { eventId: string; duplicate: boolean };
    expect(b).toEqual({ eventId: a.eventId, duplicate: true, events: [{ eventKey: 'evt-dup', eventId: a.eventId, duplicate: true }], rejected: [] });

    await eventuallyExactly(1, async () => (await statementsOf('bo@example.org')).statements);
    // Give a second delivery every chance to land before counting again.
    await new Promise((r) => setTimeout(r, 500));
    expect((await statementsOf('bo@example.org')).statements).toHaveLength(1);
  });

  it('verifies an HMAC signature: right one accepted, wrong one 401 with a reason', async () => {
    const body = JSON.stringify(event('evt-signed', 'cy@example.org'));
    const good = await postJson(`${hub.url}/hooks/signed`, body, { 'x-hub-signature-256': sign(body) });
    expect(good.status).toBe(202);

    const bad = await postJson(`${hub.url}/hooks/signed`, body, { 'x-hub-signature-256': sign(`${body} `) });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: expect.stringMatching(/does not match the body/), details: [] });

    const missing = await postJson(`${hub.url}/hooks/signed`, body);
    expect(missing.status).toBe(401);
    expect(((await missing.json()) as { error: string }).error).toMatch(/missing x-hub-signature-256/);
  });

  it('answers bad requests with a status and a reason', async () => {
    const unknown = await postJson(`${hub.url}/hooks/nope`, event('x'));
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { error: string }).error).toMatch(/no connector instance "nope"/);

    const malformed = await postJson(`${hub.url}/hooks/demo`, '{"id": "evt-x",');
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: string }).error).toMatch(/malformed JSON/);

    const tooLarge = await postJson(`${hub.url}/hooks/demo`, { ...event('evt-big'), padding: 'x'.repeat(5000) });
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toEqual({ error: expect.stringMatching(/too large/i), details: [expect.stringMatching(/limits\.bodyLimitBytes/)] });

    const notJson = await fetch(`${hub.url}/hooks/demo`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hello' });
    expect(notJson.status).toBe(415);
  });

  it('slows one noisy instance with 429 and Retry-After, leaving the others alone', async () => {
    const answers = await Promise.all([1, 2, 3, 4].map((n) => postJson(`${hub.url}/hooks/throttled`, { n })));
    const limited = answers.filter((a) => a.status === 429);
    expect(limited.length).toBeGreaterThanOrEqual(1);
    expect(limited[0].headers.get('retry-after')).toMatch(/^\d+$/);
    expect(((await limited[0].json()) as { error: string }).error).toMatch(/instance "throttled" sent more than 2 requests in a second/);
    expect((await postJson(`${hub.url}/hooks/demo`, event('evt-not-throttled'))).status).toBe(202);
  });

  it('reports health of the database and Redis, and counts events in /metrics', async () => {
    const health = await fetch(`${hub.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' }, redis: { status: 'up' } } });

    const metrics = await (await fetch(`${hub.url}/metrics`)).text();
    expect(metrics).toMatch(/hub_events_accepted_total\{instance="demo",duplicate="false"\} \d+/);
    expect(metrics).toMatch(/hub_events_rejected_total\{instance="signed",reason="401"\} 2/);
    expect(metrics).toMatch(/hub_events_rejected_total\{instance="throttled",reason="429"\} \d+/);
    // Refusals before and inside the connector count too, and an unknown instance makes no series.
    expect(metrics).toMatch(/hub_events_rejected_total\{instance="demo",reason="400"\} 1/);
    expect(metrics).toMatch(/hub_events_rejected_total\{instance="demo",reason="413"\} 1/);
    expect(metrics).toMatch(/hub_events_rejected_total\{instance="demo",reason="415"\} 1/);
    expect(metrics).not.toMatch(/instance="nope"/);
    // received = accepted + rejected, per instance.
    const sum = (pattern: RegExp) => [...metrics.matchAll(pattern)].reduce((total, m) => total + Number(m[1]), 0);
    for (const instance of ['demo', 'signed', 'throttled']) {
      const received = sum(new RegExp(`hub_events_received_total\\{instance="${instance}"\\} (\\d+)`, 'g'));
      const accepted = sum(new RegExp(`hub_events_accepted_total\\{instance="${instance}",duplicate="\\w+"\\} (\\d+)`, 'g'));
      const rejected = sum(new RegExp(`hub_events_rejected_total\\{instance="${instance}",reason="\\d+"\\} (\\d+)`, 'g'));
      expect({ instance, received }).toEqual({ instance, received: accepted + rejected });
      expect(received).toBeGreaterThan(0);
    }
    expect(metrics).toMatch(/hub_statements_delivered_total\{destination="builtin"\} \d+/);
    expect(metrics).toMatch(/hub_queue_jobs\{queue="normalize",state="waiting"\} \d+/);
  });
});
