import type { FastifyInstance, FastifyRequest } from 'fastify';
import { JsonTooDeepError, parseBoundedJson } from '../json/bounded-json';

declare module 'fastify' {
  interface FastifyRequest {
    /** The body exactly as received: signatures and xAPI attachments need the bytes. */
    rawBody?: Buffer;
  }
}

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
  try {
    return parseBoundedJson(bytes.toString('utf8'));
  } catch (error) {
    if (error instanceof JsonTooDeepError) throw new BodyParseError(error.message);
    throw new BodyParseError(`malformed JSON: ${(error as Error).message}`);
  }
}
