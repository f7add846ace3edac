import type { ThrottlerStorage } from '@nestjs/throttler';
import { ThrottlerStorageService } from '@nestjs/throttler';
import type IORedis from 'ioredis';

/** What the throttler guard needs back for one hit (times in seconds, as the library's own storage gives them). */
interface HitRecord {
  totalHits: number;
  timeToExpire: number;
  isBlocked: boolean;
  timeToBlockExpire: number;
}

/**
 * One fixed window per key, counted in Redis in one atomic step: the window starts with its
 * first hit and lasts `ttl`; a hit over `limit` blocks the key for `blockDuration` (hits while
 * blocked are not counted, as in the library's memory storage). Both keys of a tracker share
 * a hash tag, so the script also runs on Redis Cluster.
 * KEYS: hits, block. ARGV: ttl ms, limit, block ms. Returns hits, hits pttl, blocked (0/1), block pttl.
 */
const HIT_SCRIPT = `
local blockLeft = redis.call('PTTL', KEYS[2])
if blockLeft > 0 then
  return { tonumber(redis.call('GET', KEYS[1]) or '0'), redis.call('PTTL', KEYS[1]), 1, blockLeft }
end
local hits = redis.call('INCR', KEYS[1])
if hits == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local left = redis.call('PTTL', KEYS[1])
if hits > tonumber(ARGV[2]) then
  local block = tonumber(ARGV[3])
  if block > 0 then
    redis.call('SET', KEYS[2], '1', 'PX', block)
    return { hits, left, 1, block }
  end
  return { hits, left, 1, left }
end
return { hits, left, 0, 0 }
`;

const seconds = (ms: number) => Math.max(0, Math.ceil(ms / 1000));

/**
 * @nestjs/throttler storage in Redis, so every intake process draws on one budget per
 * instance (the library's default keeps counts in each process's memory: two intake
 * processes let an instance send twice its rate). While Redis does not answer, each process
 * counts in its own memory instead — budgets are per process for that time — so a Redis
 * outage does not turn every webhook into a 500 before intake can answer it properly.
 */
export class RedisThrottlerStorage implements ThrottlerStorage {
  private readonly fallback = new ThrottlerStorageService();

  constructor(
    private readonly redis: IORedis,
    /** The hub's queue prefix: hubs that share a Redis but not a prefix keep separate budgets. */
    private readonly prefix: string,
  ) {}

  async increment(key: string, ttl: number, limit: number, blockDuration: number, throttlerName: string): Promise<HitRecord> {
    // Under the hub's prefix, like its queues; the braces make both keys one Cluster slot.
    const base = `${this.prefix}:throttle:{${throttlerName}:${key}}`;
    let answer: [number, number, number, number];
    try {
      answer = (await this.redis.eval(HIT_SCRIPT, 2, `${base}:hits`, `${base}:block`, ttl, limit, blockDuration)) as [number, number, number, number];
    } catch {
      return this.fallback.increment(key, ttl, limit, blockDuration, throttlerName);
    }
    const [totalHits, hitsLeftMs, blocked, blockLeftMs] = answer;
    return { totalHits, timeToExpire: seconds(hitsLeftMs), isBlocked: blocked === 1, timeToBlockExpire: seconds(blockLeftMs) };
  }
}
