import 'reflect-metadata';
import { ConfigError } from './config/config.errors';
import { loadEnvironment } from './config/environment';
import { createHubApp } from './hub-app';
import { buildHubRuntime, type HubRuntime } from './hub-runtime';
import { createPinoLogger, HubLogger } from './observability/hub-logger';
import { canStartLocalRedis, startLocalRedis } from './queues/local-redis';
import { pingRedis, RedisUnreachableError } from './queues/redis-connection';

const LOCAL_REDIS_DIR = 'data/redis';
import { ConnectorLoadError } from './connector-sdk/connector-registry';

async function main(): Promise<void> {
  const env = loadEnvironment(process.env, process.argv.slice(2));
  const runtime = buildHubRuntime(env);
  const startedRedis = env.HUB_ROLE === 'lrs' ? false : await ensureRedis(env.REDIS_URL);

  const logger = new HubLogger(createPinoLogger(env.LOG_LEVEL));
  const app = await createHubApp(runtime, logger);
  await app.listen({ port: env.PORT, host: env.HOST });
  printBanner(runtime, await app.getUrl(), startedRedis);
}

/** Redis must answer; on one machine with redis-server installed, the hub starts it itself. */
async function ensureRedis(url: string): Promise<boolean> {
  try {
    await pingRedis(url);
    return false;
  } catch (error) {
    if (!canStartLocalRedis(url)) throw error;
    await startLocalRedis(url, LOCAL_REDIS_DIR);
    return true;
  }
}

function printBanner(runtime: HubRuntime, url: string, startedRedis: boolean): void {
  const base = url.replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost');
  const { env, lrsCredential } = runtime;
  const lines = [
    `xapi-hub is up (role: ${env.HUB_ROLE})`,
    `  config      ${runtime.configSource}`,
    `  database    ${env.DATABASE_URL ? env.DATABASE_URL.replace(/:[^:@/]*@/, ':***@') : 'embedded SQLite (data/xapi-hub.sqlite)'}`,
    `  redis       ${env.REDIS_URL.replace(/:[^:@/]*@/, ':***@')} (queue prefix ${env.QUEUE_PREFIX})${startedRedis ? `, started by the hub (data in ${LOCAL_REDIS_DIR})` : ''}`,
  ];
  if (env.HUB_ROLE === 'all' || env.HUB_ROLE === 'intake') {
    for (const id of runtime.instances.keys()) lines.push(`  webhook     POST ${base}/hooks/${id}`);
    lines.push(`  admin API   ${base}/admin/api ${env.HUB_ADMIN_TOKEN ? '(Bearer HUB_ADMIN_TOKEN)' : '(off: set HUB_ADMIN_TOKEN)'}`);
  }
  if (env.HUB_ROLE === 'all' || env.HUB_ROLE === 'lrs') {
    lines.push(`  xAPI LRS    ${base}/xapi/ (1.0.3, 2.0.0); credentials at ${base}/admin/api/credentials`);
    lines.push(
      lrsCredential.generated
        ? `  LRS login   ${lrsCredential.key}:${lrsCredential.secret}  (generated for this run; set LRS_KEY and LRS_SECRET to fix them)`
        : `  LRS login   ${lrsCredential.key}:<LRS_SECRET>`,
    );
  }
  lines.push(`  health      ${base}/health`, `  metrics     ${base}/metrics`);
  process.stdout.write(`${lines.join('\n')}\n`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof ConnectorLoadError) {
    process.stderr.write(`xapi-hub: ${error.message}\n`);
  } else if (error instanceof RedisUnreachableError) {
    process.stderr.write(
      `xapi-hub: cannot reach Redis at ${process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'} (${error.message}). ` +
        'Install it (Debian: `apt-get install redis-server`; the hub then starts it itself for a local URL) or set REDIS_URL.\n',
    );
  } else {
    process.stderr.write(`xapi-hub: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  }
  process.exit(1);
});
