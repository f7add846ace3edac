import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request a fake was asked, as it arrived. */
export interface FakeRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  authorization?: string;
  /** The body as text ('' for none). */
  body: string;
}

/** A local stand-in for a source's API over real HTTP; `requests` lists what it was asked, in order. */
export interface FakeApi {
  url: string;
  requests: FakeRequest[];
  close(): Promise<void>;
}

/** A fake's answer: JSON unless `contentType` says otherwise (then `body` is sent as the text it is). */
export interface FakeAnswer {
  status: number;
  body: unknown;
  contentType?: string;
}

export type FakeHandler = (request: FakeRequest & { headers: IncomingMessage['headers'] }) => FakeAnswer;

/** An HTTP server on 127.0.0.1 (a free port) answering every request with `handle`. */
export async function startFake(handle: FakeHandler): Promise<FakeApi> {
  const requests: FakeRequest[] = [];
  const server: Server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const request: FakeRequest = {
        method: req.method ?? 'GET',
        path: url.pathname,
        query: Object.fromEntries(url.searchParams),
        authorization: req.headers.authorization,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      requests.push(request);
      const answer = handle({ ...request, headers: req.headers });
      const text = answer.contentType ? String(answer.body) : JSON.stringify(answer.body);
      res.writeHead(answer.status, { 'content-type': answer.contentType ?? 'application/json' });
      res.end(answer.status === 204 ? undefined : text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise((resolve) => {
        // The hub's HTTP client keeps connections alive; drop them so close() does not wait for their timeout.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
