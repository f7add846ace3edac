import Fastify from 'fastify';
import { createPinoLogger } from './hub-logger';
import { registerRequestContext, requestIdFor } from './request-context';

describe('request ids on every log line of a request', () => {
  it('stamps lines a handler writes after the body was read, and answers with the id', async () => {
    const lines: string[] = [];
    const logger = createPinoLogger('info', { write: (line: string) => lines.push(line) });
    const app = Fastify({ genReqId: requestIdFor });
    registerRequestContext(app);
    app.post('/work', async (request) => {
      // After the body's bytes arrived on the socket's own callbacks, and an await later.
      await new Promise((resolve) => setImmediate(resolve));
      logger.warn({ size: JSON.stringify(request.body).length }, 'inside the handler');
      return { ok: true };
    });
    try {
      const url = `${await app.listen({ port: 0, host: '127.0.0.1' })}/work`;
      const post = (headers: Record<string, string>) =>
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ a: 'x'.repeat(200_000) }) });
      const response = await post({ 'x-request-id': 'given-1' });
      expect(response.headers.get('x-request-id')).toBe('given-1');
      expect(JSON.parse(lines[0])).toMatchObject({ msg: 'inside the handler', reqId: 'given-1' });

      const generated = await post({ 'x-request-id': 'not a token' });
      expect(generated.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
      expect(JSON.parse(lines[1]).reqId).toBe(generated.headers.get('x-request-id'));
    } finally {
      await app.close();
    }
  });
});
