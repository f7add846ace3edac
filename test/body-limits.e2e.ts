import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { LRS_BASIC, startTestHubOnFreshDatabase, type TestHub } from './support/test-hub';

const MB = 1_000_000;
const jsonOf = (bytes: number) => `{"pad":"${'x'.repeat(bytes - 10)}"}`;

/**
 * POSTs bodies of the given sizes from another Node process (in one process the event loop
 * interleaves client and server, and the early close never bites); answers each request's
 * status and body, or the socket error fetch saw.
 */
async function postFromAnotherProcess(url: string, sizes: number[]): Promise<string[]> {
  const script = `(async () => {
    const out = [];
    for (const size of JSON.parse(process.argv[2])) {
      try {
        const r = await fetch(process.argv[1], { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"pad":"' + 'x'.repeat(size - 10) + '"}' });
        out.push(r.status + ' ' + (await r.text()));
      } catch (e) { out.push('failed: ' + (e.cause?.code ?? e.message)); }
    }
    process.stdout.write(JSON.stringify(out));
  })()`;
  const child = spawn(process.execPath, ['-e', script, url, JSON.stringify(sizes)]);
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  await new Promise((resolve) => child.on('exit', resolve));
  return JSON.parse(stdout) as string[];
}

/** Bodies over a limit get a 413 a Node client (fetch/undici) can read, not a reset socket. */
describe('body limits', () => {
  let hub: TestHub;

  beforeAll(async () => {
    hub = await startTestHubOnFreshDatabase('sqlite');
  });
  afterAll(() => hub?.close());

  it.each([
    ['5 MB', 5 * MB, 6],
    ['50 MB', 50 * MB, 3],
  ])('answers a %s webhook with a 413 a client in another process reads (%#)', async (_label, size, trials) => {
    const answers = await postFromAnotherProcess(`${hub.url}/hooks/demo`, Array.from({ length: trials }, () => size));
    for (const answer of answers) {
      expect(answer).toMatch(/^413 /);
      expect(JSON.parse(answer.slice(4))).toEqual({ error: expect.stringMatching(/too large/i), details: [expect.stringMatching(/limits\.bodyLimitBytes \(1048576 bytes\)/)] });
    }
  });

  it('answers a streamed (chunked) body over the limit with a readable 413', async () => {
    const chunk = new TextEncoder().encode('x'.repeat(64 * 1024));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 5 * MB) return controller.close();
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const response = await fetch(`${hub.url}/hooks/demo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
    expect(((await response.json()) as { error: string }).error).toMatch(/too large/i);
  });

  it('gives /xapi its own, larger limit (limits.xapiBodyLimitBytes)', async () => {
    const headers = { authorization: LRS_BASIC, 'x-experience-api-version': '1.0.3' };
    const big = JSON.stringify({ large: 'y'.repeat(3 * MB) });
    const params = new URLSearchParams({ activityId: 'http://example.org/activities/big', agent: JSON.stringify({ mbox: 'mailto:big@example.org' }), stateId: randomUUID() });
    const put = await fetch(`${hub.url}/xapi/activities/state?${params}`, { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: big });
    expect(put.status).toBe(204);

    const tooBig = await fetch(`${hub.url}/xapi/activities/state?${params}`, { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: jsonOf(20 * MB) });
    expect(tooBig.status).toBe(413);
    expect(((await tooBig.json()) as { details: string[] }).details).toEqual([expect.stringMatching(/limits\.xapiBodyLimitBytes \(16777216 bytes\)/)]);
  });
});
