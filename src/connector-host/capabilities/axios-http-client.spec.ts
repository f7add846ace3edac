import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HttpUnavailableError } from '../../connector-sdk/capabilities';
import { AxiosHttpClient } from './axios-http-client';

/** A local HTTP server whose handler each test sets; it records what arrived. */
describe('AxiosHttpClient (against a local HTTP server)', () => {
  let server: Server;
  let base: string;
  let handler: (req: IncomingMessage, body: string, res: ServerResponse) => void;
  const seen: { method: string; url: string; body: string; contentType?: string }[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        seen.push({ method: req.method ?? '', url: req.url ?? '', body, contentType: req.headers['content-type'] });
        handler(req, body, res);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));
  beforeEach(() => (seen.length = 0));

  const client = new AxiosHttpClient({ timeoutMs: 300, retries: 2, backoffBaseMs: 10 });

  it('parses a JSON answer, passes query parameters, and sends JSON', async () => {
    handler = (_req, body, res) => res.writeHead(201, { 'content-type': 'application/json; charset=utf-8' }).end(JSON.stringify({ echo: JSON.parse(body) }));
    const answer = await client.request({ method: 'POST', url: `${base}/things`, params: { a: 1, b: undefined, c: 'x y' }, data: { n: 1 } });
    expect(answer).toMatchObject({ status: 201, data: { echo: { n: 1 } } });
    expect(answer.headers['content-type']).toMatch(/application\/json/);
    expect(seen).toEqual([{ method: 'POST', url: '/things?a=1&c=x+y', body: '{"n":1}', contentType: 'application/json' }]);
  });

  it('sends a form and gives a text answer as text', async () => {
    handler = (_req, _body, res) => res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    const answer = await client.request({ method: 'POST', url: `${base}/form`, form: { token: 'a&b', n: '2' } });
    expect(answer.data).toBe('ok');
    expect(seen[0]).toMatchObject({ body: 'token=a%26b&n=2', contentType: 'application/x-www-form-urlencoded' });
  });

  it('answers a 404 or a 410 without retrying: the connector decides what it means', async () => {
    handler = (_req, _body, res) => res.writeHead(410, { 'content-type': 'application/json' }).end('{"error":"gone"}');
    expect(await client.request({ url: `${base}/sync` })).toMatchObject({ status: 410, data: { error: 'gone' } });
    expect(seen).toHaveLength(1);
  });

  it('retries a GET after a 5xx and returns the answer that follows', async () => {
    let calls = 0;
    handler = (_req, _body, res) => (++calls < 3 ? res.writeHead(503).end() : res.writeHead(200, { 'content-type': 'application/json' }).end('[1]'));
    expect(await client.request({ url: `${base}/flaky` })).toMatchObject({ status: 200, data: [1] });
    expect(seen).toHaveLength(3);
  });

  it('gives the last 5xx when every attempt fails, and never repeats a POST', async () => {
    handler = (_req, _body, res) => res.writeHead(502).end('bad gateway');
    expect(await client.request({ url: `${base}/down` })).toMatchObject({ status: 502, data: 'bad gateway' });
    expect(seen).toHaveLength(3);
    seen.length = 0;
    expect((await client.request({ method: 'POST', url: `${base}/down`, data: 'x' })).status).toBe(502);
    expect(seen).toHaveLength(1);
  });

  it('throws HttpUnavailableError when nothing answers in time', async () => {
    handler = () => undefined; // never answers
    const error = await client.request({ url: `${base}/silent` }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpUnavailableError);
    expect((error as HttpUnavailableError).message).toMatch(/got no answer after 3 attempt\(s\)/);
    expect((error as HttpUnavailableError).url).toBe(`${base}/silent`);
  });

  it('throws HttpUnavailableError when the connection is refused', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    await expect(client.request({ url: `http://127.0.0.1:${port}/` })).rejects.toBeInstanceOf(HttpUnavailableError);
  });
});
