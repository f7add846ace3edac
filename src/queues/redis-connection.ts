import type { ConnectionOptions } from 'bullmq';
import IORedis from 'ioredis';

/**
 * Producers fail fast (`enableOfflineQueue: false`): when Redis is down intake answers 503
 * at once instead of holding the request while ioredis queues commands.
 */
export function producerConnection(url: string): IORedis {
  return new IORedis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 1, lazyConnect: false });
}

/** Workers wait for Redis to come back: BullMQ requires `maxRetriesPerRequest: null` for them. */
export function workerConnectionOptions(url: string): ConnectionOptions {
  return { url, maxRetriesPerRequest: null };
}

export class RedisUnreachableError extends Error {}

/** Checks Redis answers, with a short timeout; start-up uses it to fail with one clear line. */
export async function pingRedis(url: string, timeoutMs = 2000): Promise<void> {
  const client = new IORedis(url, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: timeoutMs, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    throw new RedisUnreachableError(`${(error as Error).message}`);
  } finally {
    client.disconnect();
  }
}
