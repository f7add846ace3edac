import type { FastifyInstance } from 'fastify';

/**
 * While the server closes, a request on a kept-alive connection is answered 503 in the
 * documented `{ error, details }` shape (Fastify's own has another), with `Retry-After`
 * and `Connection: close`, before any work starts. Needs `return503OnClosing: false`.
 */
export function registerShutdownAnswer(fastify: FastifyInstance): void {
  let closing = false;
  fastify.addHook('preClose', (done) => {
    closing = true;
    done();
  });
  fastify.addHook('onRequest', (_request, reply, done) => {
    if (!closing) return done();
    void reply
      .code(503)
      .headers({ 'retry-after': '5', connection: 'close' })
      .type('application/json; charset=utf-8')
      .send({ error: 'the hub is shutting down; nothing was done, retry', details: ['another hub instance, or this one once restarted, will answer'] });
  });
}
