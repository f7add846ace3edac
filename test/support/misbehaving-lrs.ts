import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sameStatement } from '../../src/lrs/statements/statement-equivalence';

type Statement = Record<string, unknown> & { id: string };

/** One POST /statements as the LRS saw it. */
export interface SeenPost {
  at: number;
  size: number;
  status: number;
}

/**
 * A small xAPI endpoint (POST and GET /statements, Basic auth) that keeps statements in memory
 * and can be told to misbehave: answer a status for a while, answer slowly, refuse some
 * statements with 400, store a batch and then drop the connection (the answer is lost), or
 * answer 409 for ids it holds (as some LRSs do, even when the content is the same).
 */
export class MisbehavingLrs {
  readonly held = new Map<string, Statement>();
  readonly posts: SeenPost[] = [];
  /** Answer this status (with Retry-After when set) to every POST while it is set. */
  failWith?: { status: number; retryAfter?: string };
  delayMs = 0;
  /** A statement this returns a reason for is refused with 400 and that reason. */
  reject?: (statement: Statement) => string | undefined;
  /** Store the next N batches, then destroy the socket instead of answering. */
  dropAnswers = 0;
  conflictOnHeld = false;
  /** POSTs received and not yet answered. */
  inFlight = 0;
  private server?: Server;

  constructor(public credentials: { username: string; password: string }) {}

  static async start(credentials: { username: string; password: string }): Promise<MisbehavingLrs> {
    const lrs = new MisbehavingLrs(credentials);
    lrs.server = createServer((req, res) => void lrs.handle(req, res));
    await new Promise<void>((resolve) => lrs.server!.listen(0, '127.0.0.1', resolve));
    return lrs;
  }

  get endpoint(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/xapi/`;
  }

  close(): Promise<void> {
    this.server?.closeAllConnections();
    return new Promise((resolve) => this.server!.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', 'http://lrs');
    const expected = `Basic ${Buffer.from(`${this.credentials.username}:${this.credentials.password}`).toString('base64')}`;
    if (req.headers.authorization !== expected) return this.answer(req, res, 401, { error: 'bad credentials' });
    if (req.method === 'GET' && url.pathname === '/xapi/statements') {
      const statement = this.held.get(url.searchParams.get('statementId') ?? '');
      return statement ? this.answer(req, res, 200, statement) : this.answer(req, res, 404, { error: 'no such statement' });
    }
    if (req.method !== 'POST' || url.pathname !== '/xapi/statements') return this.answer(req, res, 404, { error: 'not found' });
    const statements = JSON.parse(body) as Statement[];
    this.inFlight++;
    if (this.delayMs > 0) await new Promise((r) => setTimeout(r, this.delayMs));
    this.inFlight--;
    // A client that gave up (or a hub that was killed) never reads the answer: nothing stored.
    if (req.socket.destroyed) return;
    if (this.failWith) {
      this.posts.push({ at: Date.now(), size: statements.length, status: this.failWith.status });
      return this.answer(req, res, this.failWith.status, { error: 'unavailable' }, this.failWith.retryAfter ? { 'retry-after': this.failWith.retryAfter } : {});
    }
    const refused = statements.map((s) => [s.id, this.reject?.(s)] as const).find(([, reason]) => reason);
    if (refused) {
      this.posts.push({ at: Date.now(), size: statements.length, status: 400 });
      return this.answer(req, res, 400, { error: `statement ${refused[0]}: ${refused[1]}` });
    }
    const different = statements.find((s) => this.held.has(s.id) && !sameStatement(this.held.get(s.id)!, s, s.timestamp !== undefined));
    if (different || (this.conflictOnHeld && statements.some((s) => this.held.has(s.id)))) {
      this.posts.push({ at: Date.now(), size: statements.length, status: 409 });
      return this.answer(req, res, 409, { error: `statement ${(different ?? statements[0]).id} already exists` });
    }
    for (const s of statements) if (!this.held.has(s.id)) this.held.set(s.id, s);
    this.posts.push({ at: Date.now(), size: statements.length, status: 200 });
    if (this.dropAnswers > 0) {
      this.dropAnswers--;
      req.socket.destroy();
      return;
    }
    return this.answer(req, res, 200, statements.map((s) => s.id));
  }

  private answer(_req: IncomingMessage, res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { 'content-type': 'application/json', ...headers });
    res.end(JSON.stringify(body));
  }
}
