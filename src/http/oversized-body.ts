import type { IncomingMessage } from 'node:http';
import type { FastifyInstance } from 'fastify';

/**
 * How much of a refused body the hub reads and throws away so the client can read its 413.
 * Past this (or after a pause in the upload) the connection is closed on the client instead.
 */
export const DISCARD_LIMIT_BYTES = 64 * 1024 * 1024;
const DISCARD_IDLE_MS = 5_000;

/**
 * Fastify answers a body over the limit with 413 and `Connection: close` before reading it.
 * A client in another process still writing its body then gets EPIPE/ECONNRESET instead of
 * the answer (fetch/undici report only the socket error). So before a 413 is sent, the rest
 * of the body is read and discarded — up to DISCARD_LIMIT_BYTES — and the client, done
 * writing, reads the 413.
 */
export function registerOversizedBodyDrain(fastify: FastifyInstance, limitBytes = DISCARD_LIMIT_BYTES): void {
  fastify.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode === 413 && !request.raw.complete) await discardBody(request.raw, limitBytes);
    return payload;
  });
}

/** Reads `stream` to its end, keeping nothing; false when it passes `limitBytes`, stalls, or breaks. */
export function discardBody(stream: IncomingMessage, limitBytes: number, idleMs = DISCARD_IDLE_MS): Promise<boolean> {
  if (stream.readableEnded || stream.complete) return Promise.resolve(true);
  return new Promise((resolve) => {
    let seen = 0;
    const idle = setTimeout(() => finish(false), idleMs);
    const onData = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > limitBytes) return finish(false);
      idle.refresh();
    };
    const onEnd = () => finish(true);
    const onClose = () => finish(stream.complete);
    function finish(drained: boolean) {
      clearTimeout(idle);
      stream.off('data', onData).off('end', onEnd).off('close', onClose).off('error', onClose);
      if (!drained) stream.pause();
      resolve(drained);
    }
    stream.on('data', onData).on('end', onEnd).on('close', onClose).on('error', onClose);
    stream.resume();
  });
}
