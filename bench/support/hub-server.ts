import 'reflect-metadata';
import type { AddressInfo } from 'node:net';
import { loadEnvironment } from '../../src/config/environment';
import { createHubApp } from '../../src/hub-app';
import { runtimeFromYaml } from '../../src/hub-runtime';
import { createPinoLogger, HubLogger } from '../../src/observability/hub-logger';
import { pingRedis } from '../../src/queues/redis-connection';
import { serveFromChild } from './child-process';

/**
 * A real hub, started as main.ts starts one (same app factory, same modules for its role),
 * but from the YAML in BENCH_HUB_CONFIG_YAML and on a free loopback port.
 */
serveFromChild(async () => {
  const env = loadEnvironment(process.env);
  if (env.HUB_ROLE !== 'lrs') await pingRedis(env.REDIS_URL);
  const runtime = runtimeFromYaml(env, process.env.BENCH_HUB_CONFIG_YAML ?? '', 'bench config', process.env);
  const app = await createHubApp(runtime, new HubLogger(createPinoLogger(env.LOG_LEVEL)));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.getHttpServer().address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, close: () => app.close() };
});
