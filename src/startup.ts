import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigError } from './config/config.errors';
import { redactUrl } from './config/redact-url';
import { loadEnvironment } from './config/environment';
import { ConnectorLoadError } from './connector-host/connector-registry';
import { createHubApp } from './hub-app';
import { buildHubRuntime, type HubRuntime } from './hub-runtime';
import { createPinoLogger, HubLogger } from './observability/hub-logger';
import { canStartLocalRedis, startLocalRedis } from './queues/local-redis';
import { pingRedis, RedisUnreachableError } from './queues/redis-connection';

const LOCAL_REDIS_DIR = 'data/redis';

export interface StartedHub {
  app: NestFastifyApplication;
  /** What to print: where everything is. */
  banner: string;
}

/**
 * Start-up in order: environment, config file and connectors (a bad one stops here, before
 * any port opens), Redis, then the app. Throws the typed errors startupFailureMessage explains.
 */
export async function startHub(processEnv: NodeJS.ProcessEnv, argv: string[]): Promise<StartedHub> {
  const env = loadEnvironment(processEnv, argv);
  const runtime = buildHubRuntime(env, processEnv);
  const startedRedis = env.HUB_ROLE === 'lrs' ? false : await ensureRedis(env.REDIS_URL);

  const app = await createHubApp(runtime, new HubLogger(createPinoLogger(env.LOG_LEVEL)));
  await app.listen({ port: env.PORT, host: env.HOST });
  return { app, banner: bannerFor(runtime, await app.getUrl(), startedRedis) };
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


export function bannerFor(runtime: HubRuntime, url: string, startedRedis: boolean): string {
  const base = url.replace('[::1]', 'localhost').replace('0.0.0.0', 'localhost');
  const { env, lrsCredential } = runtime;
  const lines = [
    `xapi-hub is up (role: ${env.HUB_ROLE})`,
    `  config      ${runtime.configSource}`,
    `  database    ${env.DATABASE_URL ? redactUrl(env.DATABASE_URL) : 'embedded SQLite (data/xapi-hub.sqlite)'}`,
    `  redis       ${redactUrl(env.REDIS_URL)} (queue prefix ${env.QUEUE_PREFIX})${startedRedis ? `, started by the hub (data in ${LOCAL_REDIS_DIR})` : ''}`,
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
  return `${lines.join('\n')}\n`;
}

/** What a person reads when start-up fails: the problem and what to do, never a secret. */
export function startupFailureMessage(error: unknown, redisUrl: string): string {
  if (error instanceof ConfigError || error instanceof ConnectorLoadError) return `xapi-hub: ${error.message}\n`;
  if (error instanceof RedisUnreachableError) {
    return (
      `xapi-hub: cannot reach Redis at ${redactUrl(redisUrl)} (${error.message}). ` +
      'Install it (Debian: `apt-get install redis-server`; the hub then starts it itself for a local URL) or set REDIS_URL.\n'
    );
  }
  return `xapi-hub: failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`;
}
