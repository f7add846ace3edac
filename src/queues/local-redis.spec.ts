import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../../test/support/free-port';
import { canStartLocalRedis, startLocalRedis } from './local-redis';
import { pingRedis } from './redis-connection';

describe('a local Redis the hub starts itself', () => {
  it('only for a local URL without a password', () => {
    expect(canStartLocalRedis('redis://127.0.0.1:6390')).toBe(true);
    expect(canStartLocalRedis('redis://redis.internal:6379')).toBe(false);
    expect(canStartLocalRedis('redis://:pw@127.0.0.1:6379')).toBe(false);
  });

  it('starts redis-server on the configured port, with its data in the given folder', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'xapi-hub-redis-'));
    const url = `redis://127.0.0.1:${await freePort()}`;
    const child = await startLocalRedis(url, dir);
    try {
      await expect(pingRedis(url)).resolves.toBeUndefined();
    } finally {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
