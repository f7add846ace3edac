import { type ChildProcess, fork } from 'node:child_process';

/** What the bench process says to a server it started, and what the server answers. */
export type ParentMessage = { type: 'cpu' } | { type: 'close' };
export type ChildMessage = { type: 'ready'; url: string } | { type: 'cpu'; seconds: number; rssBytes: number } | { type: 'failed'; message: string };

export interface ChildServer {
  url: string;
  /** CPU time the server process has used so far, all its threads, in seconds. */
  cpuSeconds(): Promise<number>;
  /** The server process's resident set size now, bytes. */
  rssBytes(): Promise<number>;
  close(): Promise<void>;
}

/**
 * Starts a server under test in a process of its own, so it gets a core to itself and the
 * load generator in this process does not compete with it for one event loop.
 */
export async function startChildServer(entry: string, env: NodeJS.ProcessEnv, what: string, timeoutMs = 60_000): Promise<ChildServer> {
  // BENCH_CHILD_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") goes to the server's node, to profile it.
  const execArgv = process.env.BENCH_CHILD_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
  const child = fork(entry, [], { env, execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  const pendingUsage: ((usage: { seconds: number; rssBytes: number }) => void)[] = [];
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${what} did not start within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.on('message', (message: ChildMessage) => {
      if (message.type === 'ready') {
        clearTimeout(timer);
        resolve(message.url);
      } else if (message.type === 'failed') {
        clearTimeout(timer);
        reject(new Error(`${what} failed to start: ${message.message}`));
      } else if (message.type === 'cpu') {
        pendingUsage.shift()?.(message);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${what} exited with code ${code} before it was ready`));
    });
  });
  const send = (message: ParentMessage) => child.send(message);
  const usage = () =>
    new Promise<{ seconds: number; rssBytes: number }>((resolve) => {
      pendingUsage.push(resolve);
      send({ type: 'cpu' });
    });
  return {
    url,
    cpuSeconds: async () => (await usage()).seconds,
    rssBytes: async () => (await usage()).rssBytes,
    close: () => closeChild(child, send),
  };
}

async function closeChild(child: ChildProcess, send: (message: ParentMessage) => void): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    // A hub that does not shut down in time is killed: the bench must not hang on it.
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    send({ type: 'close' });
  });
}

/**
 * The child's side: start the server, report its URL, answer CPU readings, close on request.
 * Exits when the bench process goes away, so no server outlives an interrupted run.
 */
export function serveFromChild(start: () => Promise<{ url: string; close(): Promise<void> }>): void {
  const reply = (message: ChildMessage) => process.send?.(message);
  start().then(
    (server) => {
      process.on('message', (message: ParentMessage) => {
        if (message.type === 'cpu') {
          const { user, system } = process.cpuUsage();
          reply({ type: 'cpu', seconds: (user + system) / 1e6, rssBytes: process.memoryUsage.rss() });
        } else if (message.type === 'close') {
          server.close().finally(() => process.exit(0));
        }
      });
      process.on('disconnect', () => process.exit(0));
      reply({ type: 'ready', url: server.url });
    },
    (error: unknown) => {
      reply({ type: 'failed', message: error instanceof Error ? (error.stack ?? error.message) : String(error) });
      process.exit(1);
    },
  );
}
