import { createHmac, timingSafeEqual } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import Fastify from 'fastify';
import { serveFromChild } from './child-process';
import { SIGNATURE_HEADER, WEBHOOK_SECRET } from './webhook';

/**
 * The intake baseline: bare Fastify doing only what intake cannot skip — HMAC-SHA256 over the
 * raw body in constant time, JSON.parse, 202 with a body the size of the hub's. No Nest, no
 * guards, no inbox, no queue: the distance to it is what the hub's own work costs.
 */
serveFromChild(async () => {
  const app = Fastify({ bodyLimit: 1024 * 1024 });
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer' }, (_request, body, done) => done(null, body));
  app.post('/hooks/:instance', async (request, reply) => {
    const raw = request.body as Buffer;
    const signature = request.headers[SIGNATURE_HEADER];
    const expected = createHmac('sha256', WEBHOOK_SECRET).update(raw).digest();
    const given = typeof signature === 'string' && signature.startsWith('sha256=') ? Buffer.from(signature.slice(7), 'hex') : undefined;
    if (!given || given.length !== expected.length || !timingSafeEqual(given, expected)) {
      return reply.code(401).send({ error: 'request not verified' });
    }
    let event: { id?: unknown };
    try {
      event = JSON.parse(raw.toString('utf8')) as { id?: unknown };
    } catch {
      return reply.code(400).send({ error: 'malformed JSON' });
    }
    return reply.code(202).send({ eventId: String(event.id), duplicate: false });
  });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
});
