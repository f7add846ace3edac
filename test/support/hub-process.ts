import { type ChildProcess, fork } from 'node:child_process';
import { resolve } from 'node:path';
import type { ChildMessage } from '../../bench/support/child-process';

/**
 * A hub in a process of its own (the bench's hub entry, run from the TypeScript sources),
 * so a test can kill it with SIGKILL as an OOM killer or a pulled plug would.
 */
export class HubProcess {
  private child?: ChildProcess;
  url = '';

  constructor(private readonly env: NodeJS.ProcessEnv) {}

  static async start(role: string, configYaml: string, env: Record<string, string>): Promise<HubProcess> {
    const hub = new HubProcess({
      ...process.env,
      HUB_ROLE: role,
      BENCH_HUB_CONFIG_YAML: configYaml,
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
      NODE_OPTIONS: `-r ${resolve(__dirname, 'swc-register.js')}`,
      ...env,
    });
    await hub.restart();
    return hub;
  }

  async restart(): Promise<void> {
    const child = fork(resolve(__dirname, '../../bench/support/hub-server.ts'), [], { env: this.env, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    this.child = child;
    this.url = await new Promise<string>((done, fail) => {
      const timer = setTimeout(() => fail(new Error('the hub process did not start within 60 s')), 60_000);
      child.on('message', (message: ChildMessage) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          done(message.url);
        } else if (message.type === 'failed') fail(new Error(message.message));
      });
      child.once('exit', (code) => fail(new Error(`the hub process exited with ${code} before it was ready`)));
    });
  }

  /** Gone at once: no shutdown hooks, claims and BullMQ locks left behind. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((done) => {
      child.once('exit', () => done());
      child.kill('SIGKILL');
    });
  }

  /** SIGTERM, as an orchestrator stops it; resolves with the exit code, or the signal it re-raised after its shutdown hooks. */
  async stop(): Promise<number | string | null> {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return child?.exitCode ?? null;
    return new Promise((done) => {
      child.once('exit', (code, signal) => done(code ?? signal));
      child.kill('SIGTERM');
    });
  }
}
