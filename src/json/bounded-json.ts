/** Deeper JSON than this is refused: no xAPI statement or webhook needs it, and deep nesting is an attack. */
export const MAX_JSON_DEPTH = 64;

/** JSON nested deeper than MAX_JSON_DEPTH. */
export class JsonTooDeepError extends Error {
  constructor() {
    super(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

/**
 * JSON.parse with a depth limit, shared by the HTTP edge (/xapi) and the connector SDK's
 * `jsonBody` (webhooks): both take JSON from strangers. Throws SyntaxError or JsonTooDeepError.
 */
export function parseBoundedJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  if (depthOf(value) > MAX_JSON_DEPTH) throw new JsonTooDeepError();
  return value;
}

function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_JSON_DEPTH || value === null || typeof value !== 'object') return depth;
  let deepest = depth + 1;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child, depth + 1));
  return deepest;
}
