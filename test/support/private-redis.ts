import { type ChildProcess, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import IORedis from 'ioredis';
import { freePort } from './free-port';

/**
 * A redis-server of the test's own on a free port, so a test can stop Redis without
 * touching the one every other test shares. `appendonly` keeps its data (AOF) in a
 * folder of its own across a restart; `wipe` throws that data away, as a failover to an
 * empty replica or a restart without persistence would.
 */
export class PrivateRedis {
  private process?: ChildProcess;
  private readonly dir = mkdtempSync(join(tmpdir(), 'xapi-hub-private-redis-'));

  private constructor(
    readonly port: number,
    private readonly appendonly: boolean,
  ) {}

  static async start(options: { appendonly?: boolean } = {}): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort(), options.appendonly ?? false);
    await redis.resume();
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async resume(): Promise<void> {
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--dir', this.dir, '--save', '', '--appendonly', this.appendonly ? 'yes' : 'no'];
    if (this.appendonly) args.push('--appendfsync', 'always');
    this.process = spawn('redis-server', args, { stdio: 'ignore' });
    const deadline = Date.now() + 5000;
    while (!(await this.answers())) {
      if (Date.now() > deadline) throw new Error(`redis-server on port ${this.port} did not start`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Deletes what the stopped server had written, so the next start is empty. */
  wipe(): void {
    rmSync(this.dir, { recursive: true, force: true });
    mkdirSync(this.dir, { recursive: true });
  }

  /** Bytes Redis holds in keys whose name contains `match`. */
  async bytesOf(match: string, except?: string): Promise<{ keys: number; bytes: number }> {
    const client = new IORedis(this.url, { maxRetriesPerRequest: 1 });
    try {
      let bytes = 0;
      const keys = (await client.keys(`*${match}*`)).filter((key) => except === undefined || !key.includes(except));
      for (const key of keys) bytes += Number((await client.memory('USAGE', key)) ?? 0);
      return { keys: keys.length, bytes };
    } finally {
      client.disconnect();
    }
  }

  /** Entries in the stream whose key ends with `suffix` (0 when there is none). */
  async streamLength(suffix: string): Promise<number> {
    const client = new IORedis(this.url, { maxRetriesPerRequest: 1 });
    try {
      const [key] = await client.keys(`*${suffix}`);
      return key === undefined ? 0 : await client.xlen(key);
    } finally {
      client.disconnect();
    }
  }

  private async answers(): Promise<boolean> {
    const client = new IORedis(this.url, { lazyConnect: true, retryStrategy: () => null, maxRetriesPerRequest: 0 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      return (await client.ping()) === 'PONG';
    } catch {
      return false;
    } finally {
      client.disconnect();
    }
  }

  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  /** Stops the server and removes its folder. */
  async destroy(): Promise<void> {
    await this.stop();
    rmSync(this.dir, { recursive: true, force: true });
  }
}
