import { randomBytes } from 'node:crypto';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { loadEnvironment } from '../../src/config/environment';
import type { ConnectorRegistry } from '../../src/connector-host/connector-registry';
import { createHubApp } from '../../src/hub-app';
import { type HubRuntime, runtimeFromYaml } from '../../src/hub-runtime';
import { createPinoLogger, HubLogger } from '../../src/observability/hub-logger';
import { EXAMPLE_CONFIG } from './example-config';
import { freshDatabase, type TestEngine } from './test-databases';

export const TEST_LRS_KEY = 'test-key';
export const TEST_LRS_SECRET = 'test-secret-0123456789';
export const LRS_BASIC = `Basic ${Buffer.from(`${TEST_LRS_KEY}:${TEST_LRS_SECRET}`).toString('base64')}`;

export interface TestHub {
  app: NestFastifyApplication;
  runtime: HubRuntime;
  /** http://127.0.0.1:<port> */
  url: string;
  close(): Promise<void>;
}

export interface TestHubOptions {
  databaseUrl: string;
  /** The hub.yaml text; the shipped example when absent. */
  configYaml?: string;
  env?: Record<string, string>;
  /** The connectors the hub can run; those under connectors/ when absent (tests add test-only ones here). */
  registry?: ConnectorRegistry;
  /** When given, every log line (info and up) is appended here as it is written. */
  logLines?: string[];
}

/**
 * Starts a real hub on a free port, as main.ts does, with its own queue prefix so tests
 * never see each other's jobs in the shared Redis.
 */
export async function startTestHub(options: TestHubOptions): Promise<TestHub> {
  const processEnv: NodeJS.ProcessEnv = {
    PORT: '0',
    HOST: '127.0.0.1',
    DATABASE_URL: options.databaseUrl,
    QUEUE_PREFIX: `test-${randomBytes(5).toString('hex')}`,
    LRS_KEY: TEST_LRS_KEY,
    LRS_SECRET: TEST_LRS_SECRET,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'silent',
    ...options.env,
  };
  const env = loadEnvironment(processEnv);
  const yaml = options.configYaml ?? EXAMPLE_CONFIG;
  const runtime = runtimeFromYaml(env, yaml, 'test config', processEnv, options.registry);
  const logLines = options.logLines;
  const pino = logLines ? createPinoLogger('info', { write: (line: string) => logLines.push(line) }) : createPinoLogger(env.LOG_LEVEL);
  const app = await createHubApp(runtime, new HubLogger(pino));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.getHttpServer().address() as { port: number };
  return { app, runtime, url: `http://127.0.0.1:${address.port}`, close: () => app.close() };
}

/** A test hub on a new database of its own: its close() stops the hub, then drops the database. */
export async function startTestHubOnFreshDatabase(engine: TestEngine, options: Omit<TestHubOptions, 'databaseUrl'> = {}): Promise<TestHub> {
  const database = await freshDatabase(engine);
  try {
    const hub = await startTestHub({ ...options, databaseUrl: database.url });
    return {
      ...hub,
      close: async () => {
        await hub.close();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

/** Polls until `probe` returns a value (not undefined), or fails after `timeoutMs`. */
export async function eventually<T>(probe: () => Promise<T | undefined>, timeoutMs = 20_000, what = 'condition'): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Polls until `probe` lists exactly `count` items (e.g. statements in the LRS), and returns them. */
export function eventuallyExactly<T>(count: number, probe: () => Promise<T[]>, timeoutMs = 20_000, what = `${count} item(s)`): Promise<T[]> {
  return eventually(async () => {
    const found = await probe();
    return found.length === count ? found : undefined;
  }, timeoutMs, what);
}
