import { Worker } from 'node:worker_threads';
import {
  JsonataCompileError,
  JsonataEvaluationError,
  JsonataSandboxClosedError,
  JsonataTimeoutError,
} from './errors';
import { assertJsonBindings } from './json-bindings';
import { type EvaluationRequest, WORKER_FILE, type WorkerMessage, type WorkerSettings } from './worker-protocol';

export interface JsonataSandboxOptions {
  /** Longest one evaluation may run, in ms. Default 100. */
  timeoutMs?: number;
  /** Worker threads, i.e. evaluations that can run at once. Default 2. */
  poolSize?: number;
  /**
   * Old-generation heap cap for each worker, in MB. Default 64. Best effort: a
   * `--max-old-space-size` given to the hub (or in NODE_OPTIONS) silently overrides it
   * (nodejs/node#43991), and see MAX_SEQUENCE_LENGTH.
   */
  memoryLimitMb?: number;
}

interface Job {
  request: EvaluationRequest;
  resolve(result: unknown): void;
  reject(error: Error): void;
}

interface Slot {
  worker: Worker;
  /** Set once jsonata has loaded: start-up time must not count against an evaluation's limit. */
  ready: boolean;
  job?: Job;
  timer?: NodeJS.Timeout;
  /** The error a worker died of, kept for its `exit` handler. */
  fatal?: Error;
}

const COMPILED_CACHE_SIZE = 256;

/**
 * jsonata checks its own clock at every step it evaluates. Set a little under the hard limit,
 * it stops most runaway expressions itself and the worker survives; the hard limit (terminate)
 * remains for what that check cannot see: one long built-in call, such as a regex that
 * backtracks.
 */
const COOPERATIVE_SHARE = 0.8;

/**
 * Longest sequence jsonata may build (its `sequence` option; the range operator alone allows
 * 1e7). A worker's memory cap catches growth in small steps, but one large allocation (80 MB
 * for `[1..10000000]`) aborts the whole process instead: nodejs/node#47224.
 */
const MAX_SEQUENCE_LENGTH = 1_000_000;

/**
 * Evaluates admin-written JSONata with a hard time limit. A runaway expression never yields
 * the thread it runs on, so each evaluation runs in a worker thread that is terminated (the
 * only sure way to stop it) and replaced when the limit passes. One evaluation per worker at a
 * time, so a timeout always belongs to the evaluation that caused it.
 */
export class JsonataSandbox {
  private readonly timeoutMs: number;
  private readonly poolSize: number;
  private readonly memoryLimitMb: number;
  private readonly settings: WorkerSettings;
  private readonly slots = new Set<Slot>();
  private readonly queue: Job[] = [];
  /** Workers being terminated, so that close() can wait for all of them. */
  private readonly terminating = new Set<Promise<number>>();
  private nextId = 1;
  private closed = false;

  constructor(options: JsonataSandboxOptions = {}) {
    this.timeoutMs = positive('timeoutMs', options.timeoutMs ?? 100);
    this.poolSize = positive('poolSize', options.poolSize ?? 2, { integer: true });
    this.memoryLimitMb = positive('memoryLimitMb', options.memoryLimitMb ?? 64);
    this.settings = {
      jsonataPath: require.resolve('jsonata'),
      cacheSize: COMPILED_CACHE_SIZE,
      jsonataOptions: { timeout: Math.max(1, Math.floor(this.timeoutMs * COOPERATIVE_SHARE)), sequence: MAX_SEQUENCE_LENGTH },
    };
  }

  evaluate(expression: string, input: unknown, bindings?: Record<string, unknown>): Promise<unknown> {
    if (this.closed) return Promise.reject(new JsonataSandboxClosedError());
    try {
      if (bindings !== undefined) assertJsonBindings(bindings);
    } catch (error) {
      return Promise.reject(error);
    }
    return new Promise((resolve, reject) => {
      this.queue.push({ request: { id: this.nextId++, expression, input, bindings }, resolve, reject });
      this.fill();
      this.pump();
    });
  }

  /** Terminates every worker; queued and running evaluations reject with JsonataSandboxClosedError. */
  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new JsonataSandboxClosedError());
    for (const slot of this.slots) {
      slot.job?.reject(new JsonataSandboxClosedError());
      slot.job = undefined;
      this.retire(slot);
    }
    await Promise.all(this.terminating);
  }

  /** Starts workers up to the pool size; lazily, so a sandbox that is never used costs nothing. */
  private fill(): void {
    try {
      while (!this.closed && this.slots.size < this.poolSize) this.spawn();
    } catch (error) {
      // No thread to be had (resources exhausted): run short-handed; with none, fail what waits
      // rather than leave it pending. The next evaluate() tries again.
      if (this.slots.size === 0) this.failQueue(`a JSONata worker could not start: ${(error as Error).message}`);
    }
  }

  private failQueue(message: string): void {
    for (const job of this.queue.splice(0)) job.reject(new Error(message));
  }

  private spawn(): void {
    const worker = new Worker(WORKER_FILE, {
      workerData: this.settings,
      // A runaway allocation kills this worker, not the hub.
      resourceLimits: { maxOldGenerationSizeMb: this.memoryLimitMb },
      // Nothing an expression can reach needs the hub's secrets.
      env: {},
    });
    const slot: Slot = { worker, ready: false };
    worker.on('message', (message: WorkerMessage) => this.onMessage(slot, message));
    worker.on('error', (error: Error) => {
      slot.fatal = error;
    });
    worker.on('exit', (code: number) => this.onExit(slot, code));
    this.slots.add(slot);
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (!slot.ready || slot.job !== undefined) continue;
      const job = this.queue.shift();
      if (job === undefined) break;
      this.dispatch(slot, job);
    }
    this.updateRefs();
  }

  private dispatch(slot: Slot, job: Job): void {
    try {
      slot.worker.postMessage(job.request);
    } catch (error) {
      // Input that structured clone refuses (a function, say): the caller's mistake, not the
      // expression's; the worker never saw it and stays free.
      job.reject(new TypeError(`the input cannot be sent to a JSONata worker: ${(error as Error).message}`));
      this.pump();
      return;
    }
    slot.job = job;
    // Checked in the next setImmediate: if the hub's own event loop was blocked past the limit,
    // the worker's answer may already be waiting, and is read (poll phase) before we give up.
    slot.timer = setTimeout(() => setImmediate(() => slot.job === job && this.timeOut(slot, job)), this.timeoutMs);
  }

  private onMessage(slot: Slot, message: WorkerMessage): void {
    if (message.type === 'ready') {
      slot.ready = true;
      this.pump();
      return;
    }
    const job = slot.job;
    if (job === undefined || job.request.id !== message.id) return;
    clearTimeout(slot.timer);
    slot.job = undefined;
    if (message.type === 'done') {
      job.resolve(message.json === undefined ? undefined : JSON.parse(message.json));
    } else if (message.kind === 'compile') {
      job.reject(new JsonataCompileError(message.error));
    } else if (message.kind === 'timeout') {
      job.reject(new JsonataTimeoutError(this.timeoutMs));
    } else {
      job.reject(new JsonataEvaluationError(message.error));
    }
    this.pump();
  }

  private timeOut(slot: Slot, job: Job): void {
    slot.job = undefined;
    this.retire(slot);
    job.reject(new JsonataTimeoutError(this.timeoutMs));
    this.fill();
    this.pump();
  }

  private onExit(slot: Slot, code: number): void {
    if (!this.slots.delete(slot)) return; // we terminated it ourselves
    clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = undefined;
    if (!slot.ready) {
      // It died before loading jsonata: every worker will. Fail what waits rather than
      // respawning in a loop; the next evaluate() tries again.
      this.failQueue(`a JSONata worker could not start: ${slot.fatal?.message ?? `exit code ${code}`}`);
      return;
    }
    if (job !== undefined) job.reject(this.deathError(slot.fatal, code));
    this.fill();
    this.pump();
  }

  private deathError(fatal: Error | undefined, code: number): JsonataEvaluationError {
    if ((fatal as { code?: unknown } | undefined)?.code === 'ERR_WORKER_OUT_OF_MEMORY') {
      return new JsonataEvaluationError({
        message: `the expression used more than the ${this.memoryLimitMb} MB memory limit and was stopped`,
      });
    }
    return new JsonataEvaluationError({
      message: `the JSONata worker stopped during the evaluation (${fatal?.message ?? `exit code ${code}`})`,
    });
  }

  private retire(slot: Slot): void {
    this.slots.delete(slot);
    clearTimeout(slot.timer);
    const exited = slot.worker.terminate().catch(() => 0);
    this.terminating.add(exited);
    void exited.finally(() => this.terminating.delete(exited));
  }

  /**
   * An idle worker must not keep the process alive; a busy one must, or a caller awaiting
   * its answer could see the process exit under it. A starting worker counts as busy while
   * evaluations wait for it.
   */
  private updateRefs(): void {
    const waiting = this.queue.length > 0;
    for (const slot of this.slots) {
      if (slot.job !== undefined || (!slot.ready && waiting)) slot.worker.ref();
      else slot.worker.unref();
    }
  }
}

function positive(name: string, value: number, { integer = false } = {}): number {
  const valid = (integer ? Number.isInteger(value) : Number.isFinite(value)) && value > 0;
  if (!valid) throw new RangeError(`JsonataSandbox: ${name} must be a positive ${integer ? 'integer' : 'number'}, got ${value}`);
  return value;
}
