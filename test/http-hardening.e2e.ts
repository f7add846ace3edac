import { connect } from 'node:net';
import { EXAMPLE_CONFIG } from './support/example-config';
import { startTestHubOnFreshDatabase, type TestHub } from './support/test-hub';

const ADMIN_TOKEN = 'admin-token-for-hardening-tests';
const WITH_PASSWORD_IN_URL = EXAMPLE_CONFIG.replace(
  'destinations:\n  - id: builtin\n    type: builtin\n',
  'destinations:\n  - id: builtin\n    type: builtin\n  - id: central\n    type: xapi\n    endpoint: http://lrs-user:url-password-77@127.0.0.1:9/xapi/?key=url-key-88\n    username: u\n    password: p\n',
);

/** What the hub shows and logs of a request: secrets never, a request id always (HTTP edge, either engine). */
describe('the HTTP edge keeps secrets out of answers and logs', () => {
  let hub: TestHub;
  const logLines: string[] = [];
  const logged = () => logLines.map((line) => JSON.parse(line) as Record<string, unknown>);

  beforeAll(async () => {
    hub = await startTestHubOnFreshDatabase('sqlite', { configYaml: WITH_PASSWORD_IN_URL, env: { HUB_ADMIN_TOKEN: ADMIN_TOKEN }, logLines });
  });
  afterAll(() => hub?.close());

  it('never returns a password embedded in a destination endpoint', async () => {
    const response = await fetch(`${hub.url}/admin/api/destinations`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(response.status).toBe(200);
    const text = await response.text();
    expect(text).not.toContain('url-password-77');
    expect(text).not.toContain('url-key-88');
    expect(JSON.parse(text)).toContainEqual(expect.objectContaining({ id: 'central', type: 'xapi', endpoint: 'http://lrs-user:***@127.0.0.1:9/xapi/?key=***' }));
    expect(logLines.join('')).not.toContain('url-password-77');
  });

  it('logs the URL asked for, secrets blanked, with a request id, for unmatched routes too', async () => {
    const unmatched = await fetch(`${hub.url}/nowhere/at-all?token=tok-unmatched-1&page=2`);
    expect(unmatched.status).toBe(404);
    const requestId = unmatched.headers.get('x-request-id');
    expect(requestId).toEqual(expect.any(String));
    const hook = await fetch(`${hub.url}/hooks/demo?validationToken=tok-graph-2&sig=tok-sig-3`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
    expect(hook.status).toBe(400);

    const output = logLines.join('');
    for (const secret of ['tok-unmatched-1', 'tok-graph-2', 'tok-sig-3']) expect(output).not.toContain(secret);
    const requests = logged().filter((line) => line.msg === 'request');
    expect(requests).toContainEqual(expect.objectContaining({ url: '/nowhere/at-all?token=***&page=2', status: 404, reqId: requestId }));
    expect(requests).toContainEqual(
      expect.objectContaining({ url: '/hooks/demo?validationToken=***&sig=***', route: '/hooks/:instance', status: 400, reqId: expect.any(String) }),
    );
  });

  it('keeps a caller\'s own request id', async () => {
    const response = await fetch(`${hub.url}/health`, { headers: { 'x-request-id': 'caller-id-42' } });
    expect(response.headers.get('x-request-id')).toBe('caller-id-42');
    expect(logged()).toContainEqual(expect.objectContaining({ msg: 'request', url: '/health', reqId: 'caller-id-42' }));
  });

  it('answers what the framework refuses before routing in the documented shape', async () => {
    const badUrl = await fetch(`${hub.url}/%zz?token=tok-bad-url-5`);
    expect(badUrl.status).toBe(400);
    expect(await badUrl.json()).toEqual({ error: 'the URL does not decode: check its %-escapes', details: ['FST_ERR_BAD_URL'] });

    const socket = connect(Number(new URL(hub.url).port), '127.0.0.1');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.write('POST /hooks/demo HTTP/1.1\r\nHost: hub\r\nContent-Length: abc\r\n\r\n{}');
    await new Promise((r) => socket.once('close', r));
    expect(received).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(received.slice(received.indexOf('\r\n\r\n') + 4))).toEqual({ error: 'the HTTP request could not be read', details: [expect.any(String)] });
  });

  it('publishes process metrics on /metrics', async () => {
    const text = await (await fetch(`${hub.url}/metrics`)).text();
    expect(text).toContain('process_cpu_user_seconds_total');
    expect(text).toContain('nodejs_eventloop_lag_seconds');
    expect(text).toContain('hub_events_received_total');
  });

  it('answers requests that arrive while it shuts down with 503 in the documented shape', async () => {
    // A kept-alive connection with a request in progress, so closing the server cannot drop it ...
    const socket = connect(Number(new URL(hub.url).port), '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString('latin1')));
    socket.write('POST /hooks/demo HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n');
    await new Promise((r) => setTimeout(r, 50));
    const closing = hub.app.getHttpAdapter().getInstance().close();
    await new Promise((r) => setTimeout(r, 100));
    // ... then the rest of that request, and another one pipelined behind it.
    socket.write('{}GET /health HTTP/1.1\r\nHost: hub\r\n\r\n');
    await new Promise((r) => socket.once('close', r));
    await closing;

    const second = received.slice(received.indexOf('HTTP/1.1', 1));
    expect(second).toMatch(/^HTTP\/1\.1 503/);
    expect(second.toLowerCase()).toContain('retry-after: 5');
    const body = JSON.parse(second.slice(second.indexOf('\r\n\r\n') + 4)) as Record<string, unknown>;
    expect(body).toEqual({ error: expect.stringContaining('shutting down'), details: [expect.any(String)] });
  });
});
