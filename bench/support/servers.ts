import { join } from 'node:path';
import type { HubRole } from '../../src/config/environment';
import { type ChildServer, startChildServer } from './child-process';
import type { TestDatabase as BenchDatabase } from '../../test/support/test-databases';
import { benchHubConfigYaml } from './webhook';

export const BENCH_LRS_KEY = 'bench-key';
export const BENCH_LRS_SECRET = 'bench-secret-0123456789';

/** A hub of one role on its own database and queue prefix, in a process of its own. */
export function startHub(role: HubRole, database: BenchDatabase, queuePrefix: string, redisUrl: string): Promise<ChildServer> {
  return startChildServer(
    join(__dirname, 'hub-server.js'),
    {
      ...process.env,
      HUB_ROLE: role,
      DATABASE_URL: database.url,
      QUEUE_PREFIX: queuePrefix,
      REDIS_URL: redisUrl,
      LRS_KEY: BENCH_LRS_KEY,
      LRS_SECRET: BENCH_LRS_SECRET,
      // pino at `silent` costs nothing per request; any other level would be measured too.
      LOG_LEVEL: 'silent',
      BENCH_HUB_CONFIG_YAML: benchHubConfigYaml(),
    },
    `hub (role ${role}, ${database.engine})`,
  );
}

export function startBaselineServer(): Promise<ChildServer> {
  return startChildServer(join(__dirname, 'baseline-server.js'), process.env, 'baseline Fastify server');
}
