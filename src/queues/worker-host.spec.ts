import { randomBytes } from 'node:crypto';
import { Queue, UnrecoverableError } from 'bullmq';
import IORedis from 'ioredis';
import { createPinoLogger } from '../observability/hub-logger';
import { QueueSettings } from '../runtime-settings';
import { startWorker } from './worker-host';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

describe('a worker whose final-failure handler fails', () => {
  it('logs it instead of ending the process with an unhandled rejection', async () => {
    const prefix = `test-host-${randomBytes(4).toString('hex')}`;
    const lines: string[] = [];
    const logger = createPinoLogger('error', { write: (line: string) => lines.push(line) });
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown) => unhandled.push(reason);
    process.on('unhandledRejection', onUnhandled);
    const connection = new IORedis(REDIS_URL, { maxRetriesPerRequest: null });
    const queue = new Queue('host-test', { connection, prefix });
    const worker = startWorker(new QueueSettings(REDIS_URL, prefix), logger, 'host-test', async () => {
      throw new UnrecoverableError('the mapping is broken');
    }, {
      concurrency: 1,
      onFinalFailure: async () => {
        throw new Error('database is away');
      },
    });
    try {
      await queue.add('job', {});
      const deadline = Date.now() + 5000;
      while (!lines.some((line) => line.includes('could not record the final failure')) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 50));
      expect(lines.join('')).toContain('database is away');
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
      await worker.close();
      await queue.obliterate({ force: true });
      await queue.close();
      connection.disconnect();
    }
  });
});
