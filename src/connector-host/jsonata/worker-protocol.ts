import type { JsonataErrorDetails } from './errors';

/** What the sandbox sends a worker: one evaluation at a time. */
export interface EvaluationRequest {
  id: number;
  expression: string;
  input: unknown;
  bindings: Record<string, unknown> | undefined;
}

/** What a worker answers. The result travels as JSON text, `undefined` when nothing matched. */
export type WorkerMessage =
  | { type: 'ready' }
  | { type: 'done'; id: number; json: string | undefined }
  | { type: 'failed'; id: number; kind: 'compile' | 'evaluation' | 'timeout'; error: JsonataErrorDetails };

/** What a worker is started with (`workerData`). */
export interface WorkerSettings {
  /** Absolute path from `require.resolve('jsonata')` in the parent, so any cwd works. */
  jsonataPath: string;
  /** How many compiled expressions a worker keeps. */
  cacheSize: number;
  /** jsonata's own options: its cooperative time limit (ms) and longest sequence. */
  jsonataOptions: { timeout: number; sequence: number };
}

/**
 * Where the worker's code is: plain JavaScript (`jsonata.worker.js`, type-checked through
 * `// @ts-check` and JSDoc against the types above), started from its path. Plain JS because
 * a worker thread runs outside jest's transform and `dist/` has no `.ts`; tsc copies it there
 * (`allowJs`).
 */
export const WORKER_FILE = require.resolve('./jsonata.worker.js');
