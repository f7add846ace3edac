import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';
import { requestContext } from './hub-logger';

export const REQUEST_ID_HEADER = 'x-request-id';
/** A caller's own request id is kept when it is a plain token, so its logs and ours line up. */
const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Fastify's `genReqId`: the caller's `X-Request-Id` when it is a plain token, else a new UUID. */
export function requestIdFor(req: IncomingMessage): string {
  const given = req.headers[REQUEST_ID_HEADER];
  return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
}

/**
 * Every answer says its request id, and every log line written while serving the request
 * carries it (`reqId`, via the logger's mixin). Entered as the request arrives; Fastify runs
 * the body parser's callback in the request's async scope, so handlers stay inside it.
 */
export function registerRequestContext(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, reply, done) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
    requestContext.run({ requestId: request.id }, done);
  });
}
