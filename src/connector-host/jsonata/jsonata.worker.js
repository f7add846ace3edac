// @ts-check
/* eslint-disable @typescript-eslint/no-require-imports -- a worker thread loads plain CommonJS */
'use strict';
/**
 * A JSONata worker thread: compiles and evaluates one expression at a time for JsonataSandbox.
 * Plain JavaScript (see WORKER_FILE), type-checked against worker-protocol.ts.
 * @typedef {import('./worker-protocol').EvaluationRequest} EvaluationRequest
 * @typedef {import('./worker-protocol').WorkerMessage} WorkerMessage
 * @typedef {import('./worker-protocol').WorkerSettings} WorkerSettings
 * @typedef {import('./errors').JsonataErrorDetails} JsonataErrorDetails
 * @typedef {ReturnType<typeof import('jsonata')>} Expression
 */
const { parentPort, workerData } = require('node:worker_threads');

/** @type {WorkerSettings} */
const settings = workerData;
/** @type {typeof import('jsonata')} */
const jsonata = require(settings.jsonataPath);
const port = /** @type {import('node:worker_threads').MessagePort} */ (parentPort);

/** @param {WorkerMessage} message */
function send(message) {
  port.postMessage(message);
}

// Compiled once, evaluated many times. Bounded (oldest out first) so that previews of many
// different expressions cannot grow the worker into its memory cap.
/** @type {Map<string, Expression>} */
const compiled = new Map();

/** @param {string} text @returns {Expression} */
function compile(text) {
  let expression = compiled.get(text);
  if (expression === undefined) {
    // jsonata's typings lack its options argument (timeout, sequence), which it honours.
    expression = /** @type {(text: string, options: object) => Expression} */ (jsonata)(text, settings.jsonataOptions);
    if (compiled.size >= settings.cacheSize) compiled.delete(/** @type {string} */ (compiled.keys().next().value));
    compiled.set(text, expression);
  }
  return expression;
}

// jsonata throws plain objects ({ code, position, message }); keep only what clones cleanly.
/** @param {unknown} thrown @returns {JsonataErrorDetails} */
function details(thrown) {
  const e = /** @type {Record<string, unknown>} */ (thrown !== null && typeof thrown === 'object' ? thrown : {});
  return {
    message: typeof e.message === 'string' ? e.message : String(thrown),
    code: typeof e.code === 'string' ? e.code : undefined,
    position: typeof e.position === 'number' ? e.position : undefined,
  };
}

// JSON text drops jsonata's hidden extras (a 'sequence' flag on arrays, singleton markers).
// A function in the result would otherwise vanish silently or fail as a circular structure.
/** @param {unknown} result @returns {string | undefined} */
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
port.on('message', async (/** @type {EvaluationRequest} */ request) => {
  let expression;
  try {
    expression = compile(request.expression);
  } catch (thrown) {
    send({ type: 'failed', id: request.id, kind: 'compile', error: details(thrown) });
    return;
  }
  try {
    const result = await expression.evaluate(request.input, request.bindings);
    send({ type: 'done', id: request.id, json: toJson(result) });
  } catch (thrown) {
    // D1012: jsonata's own time check fired, so this worker is still usable.
    const kind = thrown && /** @type {{ code?: unknown }} */ (thrown).code === 'D1012' ? 'timeout' : 'evaluation';
    send({ type: 'failed', id: request.id, kind, error: details(thrown) });
  }
});

send({ type: 'ready' });
