import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HandshakeReply, InboundRequest, ReplyShape } from '../connector-sdk/connector';
import { headerValue } from '../http/headers';

/** A Fastify request as a connector sees it; `path` is the part after /hooks/<instance> ('' for the hook). */
export function inboundRequestOf(req: FastifyRequest, path = ''): InboundRequest {
  const headers: Record<string, string | undefined> = {};
  for (const name of Object.keys(req.headers)) headers[name] = headerValue(req.headers, name);
  return {
    method: req.method,
    headers,
    // Empty when the request had no body: Fastify parses nothing then.
    rawBody: req.rawBody ?? Buffer.alloc(0),
    query: req.query as Record<string, string | undefined>,
    receivedAt: new Date(),
    ...(path ? { path } : {}),
  };
}

/** Sends a connector's own answer (a handshake or a shaped reply): status, type, headers, body. */
export function sendConnectorAnswer(res: FastifyReply, answer: HandshakeReply | ReplyShape): string | object {
  void res.status(answer.status ?? 200);
  if (answer.contentType) void res.type(answer.contentType);
  for (const [name, value] of Object.entries(answer.headers ?? {})) void res.header(name, value);
  return answer.body;
}
