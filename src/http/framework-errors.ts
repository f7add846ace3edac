import type { Socket } from 'node:net';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';

/**
 * Fastify's `frameworkErrors`: refusals Fastify makes before routing (a URL that does not
 * decode, …), in the hub's `{ error, details }` shape instead of Fastify's own.
 */
export function frameworkErrorAnswer(error: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  // Fastify's message quotes the URL, which may carry a token: say what is wrong without it.
  const message = error.code === 'FST_ERR_BAD_URL' ? 'the URL does not decode: check its %-escapes' : 'the request could not be routed';
  void reply.code(status).type('application/json; charset=utf-8').send({ error: message, details: [error.code ?? 'framework error'] });
}

/**
 * Fastify's `clientErrorHandler`: a request Node's HTTP parser cannot read (a bad
 * Content-Length, a malformed header) gets a 400 in the same shape, then the connection ends.
 */
export function clientErrorAnswer(error: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) return;
  const body = JSON.stringify({ error: 'the HTTP request could not be read', details: [`${error.code ?? 'parse error'}: ${error.message}`] });
  socket.end(
    `HTTP/1.1 400 Bad Request\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
