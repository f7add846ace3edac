import type { FastifyInstance, FastifyRequest } from 'fastify';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as received: signatures and xAPI attachments need the bytes. */
    rawBody?: Buffer;
  }
}

/** Deeper JSON than this is refused: no xAPI statement or webhook needs it, and deep nesting is an attack. */
export const MAX_JSON_DEPTH = 64;

class BodyParseError extends Error {
  readonly statusCode = 400;
}

/**
 * Webhook routes get raw bytes whatever the content type (empty, JSON, form, CSV): the
 * connector verifies signatures over them and parses them itself (src/connector-sdk
 * inbound-request.ts), so a malformed body is the connector's 400, counted per instance.
 */
export const RAW_BODY_ROUTE_PREFIX = '/hooks/';

/**
 * Replaces Fastify's body parsers: JSON keeps its raw bytes and gets a depth limit; every
 * other content type (documents, multipart/mixed, forms) arrives as a Buffer for the
 * route to interpret, and so does everything sent to a webhook route.
 */
export function registerBodyParsers(fastify: FastifyInstance): void {
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser(/^application\/([\w.+-]+\+)?json/i, { parseAs: 'buffer' }, (request, body, done) => {
    keepRaw(request, body as Buffer);
    if (request.routeOptions.url?.startsWith(RAW_BODY_ROUTE_PREFIX)) return done(null, body);
    try {
      done(null, parseJson(body as Buffer));
    } catch (error) {
      done(error as Error, undefined);
    }
  });
  fastify.addContentTypeParser('*', { parseAs: 'buffer' }, (request, body, done) => {
    keepRaw(request, body as Buffer);
    done(null, body);
  });
}

function keepRaw(request: FastifyRequest, body: Buffer): void {
  request.rawBody = body;
}

export function parseJson(bytes: Buffer): unknown {
  if (bytes.length === 0) return undefined;
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new BodyParseError(`malformed JSON: ${(error as Error).message}`);
  }
  if (depthOf(value) > MAX_JSON_DEPTH) throw new BodyParseError(`JSON nested deeper than ${MAX_JSON_DEPTH} levels`);
  return value;
}

function depthOf(value: unknown, depth = 0): number {
  if (depth > MAX_JSON_DEPTH || value === null || typeof value !== 'object') return depth;
  let deepest = depth + 1;
  for (const child of Object.values(value)) deepest = Math.max(deepest, depthOf(child, depth + 1));
  return deepest;
}
