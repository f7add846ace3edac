import { connect, type Socket } from 'node:net';

export interface LoadRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface LoadOptions {
  /** http://127.0.0.1:<port>; loopback only. */
  url: string;
  /** Requests in flight at any moment (one keep-alive connection each). */
  inFlight: number;
  /** Stop starting requests after this long… */
  durationMs: number;
  /** …or after this many, whichever comes first. */
  maxRequests: number;
  /** The n-th request (0-based, over the whole call). */
  request(n: number): LoadRequest;
  expectStatus: number;
  /**
   * Open loop: the n-th request is due at n / ratePerSecond s after the start, and waits for
   * that moment (given enough lanes, the server's pace does not slow the offered load).
   * Without it, closed loop: each lane sends as soon as its last answer came.
   */
  ratePerSecond?: number;
  /** Told of every answer: which request, its outcome, and when (performance.now()). */
  onAnswer?(n: number, outcome: string, at: number): void;
}

export interface LoadResult {
  /** Answers with the expected status. */
  ok: number;
  /** Other answers, by status or error code. */
  failed: Map<string, number>;
  elapsedMs: number;
  /** Latency of every answered request, ms. */
  latenciesMs: number[];
}

/**
 * A small closed-loop load generator: `inFlight` lanes, each sending its next request as soon
 * as the last one is answered, over its own keep-alive connection. Bounded in time and count.
 */
export async function generateLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  if (target.hostname !== '127.0.0.1' && target.hostname !== 'localhost') throw new Error(`load goes to loopback only, not ${target.hostname}`);
  const result: LoadResult = { ok: 0, failed: new Map(), elapsedMs: 0, latenciesMs: [] };
  const started = performance.now();
  const deadline = started + options.durationMs;
  let next = 0;

  const lane = async () => {
    const connection = new KeepAliveConnection(target.hostname, Number(target.port));
    try {
      while (next < options.maxRequests && performance.now() < deadline) {
        const n = next++;
        if (options.ratePerSecond) {
          const due = started + (n * 1000) / options.ratePerSecond;
          if (due > deadline) break;
          if (due > performance.now()) await new Promise((resolve) => setTimeout(resolve, due - performance.now()));
        }
        const bytes = encodeRequest(target.host, options.request(n));
        const sent = performance.now();
        const outcome = await connection.send(bytes);
        const answered = performance.now();
        result.latenciesMs.push(answered - sent);
        options.onAnswer?.(n, outcome, answered);
        if (outcome === String(options.expectStatus)) result.ok++;
        else result.failed.set(outcome, (result.failed.get(outcome) ?? 0) + 1);
      }
    } finally {
      connection.close();
    }
  };
  await Promise.all(Array.from({ length: options.inFlight }, lane));
  result.elapsedMs = performance.now() - started;
  return result;
}

/** "401 ×3, ECONNRESET ×1" for a table's errors column. */
export function describeFailures(failed: Map<string, number>): string {
  return failed.size === 0 ? '0' : [...failed].map(([what, n]) => `${what} ×${n}`).join(', ');
}

function encodeRequest(host: string, request: LoadRequest): Buffer {
  const body = Buffer.from(request.body, 'utf8');
  const headers = Object.entries({ ...request.headers, 'content-length': String(body.length) })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('');
  return Buffer.concat([Buffer.from(`POST ${request.path} HTTP/1.1\r\nhost: ${host}\r\n${headers}\r\n`, 'latin1'), body]);
}

const HEADER_END = Buffer.from('\r\n\r\n');

/**
 * One HTTP/1.1 keep-alive connection, one request at a time, on a bare socket. node:http's
 * client costs about as much CPU per request as the bare Fastify baseline does to answer it,
 * so with it the baseline measured the load generator; this one costs a fraction of that.
 * It reads only the status line and Content-Length, which both servers under test always send.
 */
class KeepAliveConnection {
  private socket?: Socket;
  private received: Buffer = Buffer.alloc(0);
  private waiting?: (outcome: string) => void;

  constructor(
    private readonly host: string,
    private readonly port: number,
  ) {}

  send(bytes: Buffer): Promise<string> {
    return new Promise((resolve) => {
      this.waiting = resolve;
      this.connected().write(bytes);
    });
  }

  close(): void {
    this.socket?.destroy();
    this.socket = undefined;
  }

  private connected(): Socket {
    if (this.socket) return this.socket;
    const socket = connect({ host: this.host, port: this.port, noDelay: true });
    socket.on('data', (chunk: Buffer) => {
      this.received = this.received.length === 0 ? chunk : Buffer.concat([this.received, chunk]);
      this.answerIfComplete();
    });
    const lost = (why: string) => {
      if (this.socket === socket) this.socket = undefined;
      this.received = Buffer.alloc(0);
      this.finish(why);
    };
    socket.on('error', (error: NodeJS.ErrnoException) => lost(error.code ?? 'socket error'));
    socket.on('close', () => lost('connection closed'));
    this.socket = socket;
    return socket;
  }

  private answerIfComplete(): void {
    const headerEnd = this.received.indexOf(HEADER_END);
    if (headerEnd < 0) return;
    const head = this.received.subarray(0, headerEnd).toString('latin1');
    const length = /\r\ncontent-length:\s*(\d+)/i.exec(head);
    if (!length) {
      this.close();
      this.finish('answer without Content-Length');
      return;
    }
    const end = headerEnd + HEADER_END.length + Number(length[1]);
    if (this.received.length < end) return;
    this.received = this.received.subarray(end);
    this.finish(head.slice(9, 12));
  }

  private finish(outcome: string): void {
    const waiting = this.waiting;
    this.waiting = undefined;
    waiting?.(outcome);
  }
}
