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
 * The worker's code, as plain JavaScript started with `new Worker(source, { eval: true })`.
 * A string rather than a `.ts` file because jest (swc) cannot start a worker from a `.ts`
 * path and `dist/` has no `.ts`; a string also survives coverage instrumentation, which a
 * `fn.toString()` would not. Keep it small: nothing type-checks it, the spec covers it.
 */
export const WORKER_SOURCE = String.raw`
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const jsonata = require(workerData.jsonataPath);

// Compiled once, evaluated many times. Bounded (oldest out first) so that previews of many
// different expressions cannot grow the worker into its memory cap.
const compiled = new Map();
function compile(text) {
  let expression = compiled.get(text);
  if (expression === undefined) {
    expression = jsonata(text, workerData.jsonataOptions);
    if (compiled.size >= workerData.cacheSize) compiled.delete(compiled.keys().next().value);
    compiled.set(text, expression);
  }
  return expression;
}

// jsonata throws plain objects ({ code, position, message }); keep only what clones cleanly.
function details(thrown) {
  const e = thrown !== null && typeof thrown === 'object' ? thrown : {};
  return {
    message: typeof e.message === 'string' ? e.message : String(thrown),
    code: typeof e.code === 'string' ? e.code : undefined,
    position: typeof e.position === 'number' ? e.position : undefined,
  };
}

// JSON text drops jsonata's hidden extras (a 'sequence' flag on arrays, singleton markers).
// A function in the result would otherwise vanish silently or fail as a circular structure.
function toJson(result) {
  if (result === undefined) return undefined;
  return JSON.stringify(result, (key, value) => {
    const isLambda = value !== null && typeof value === 'object' && (value._jsonata_lambda || value._jsonata_function);
    if (typeof value === 'function' || isLambda) {
      throw { message: 'the result contains a function, which is not JSON' + (key ? ' (at "' + key + '")' : '') };
    }
    return value;
  });
}

// One evaluation at a time: the parent sends the next only after this one answers, so a
// timeout always belongs to the evaluation that caused it.
parentPort.on('message', async (request) => {
  let expression;
  try {
    expression = compile(request.expression);
  } catch (thrown) {
    parentPort.postMessage({ type: 'failed', id: request.id, kind: 'compile', error: details(thrown) });
    return;
  }
  try {
    const result = await expression.evaluate(request.input, request.bindings);
    parentPort.postMessage({ type: 'done', id: request.id, json: toJson(result) });
  } catch (thrown) {
    // D1012: jsonata's own time check fired, so this worker is still usable.
    const kind = thrown && thrown.code === 'D1012' ? 'timeout' : 'evaluation';
    parentPort.postMessage({ type: 'failed', id: request.id, kind, error: details(thrown) });
  }
});

parentPort.postMessage({ type: 'ready' });
`;
