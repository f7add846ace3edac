import { randomBytes } from 'node:crypto';
import IORedis from 'ioredis';

/** A BullMQ key prefix no other hub or test uses, so the bench never sees their jobs. */
export function benchQueuePrefix(): string {
  return `bench-${randomBytes(5).toString('hex')}`;
}

/** Deletes every key under the prefix: the intake benchmark leaves tens of thousands of waiting jobs. */
export async function deleteQueuePrefix(redisUrl: string, prefix: string): Promise<void> {
  const client = new IORedis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    let cursor = '0';
    do {
      const [next, keys] = await client.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000);
      cursor = next;
      if (keys.length > 0) await client.unlink(...keys);
    } while (cursor !== '0');
  } finally {
    client.disconnect();
  }
}
