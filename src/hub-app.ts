import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppModule } from './app.module';
import { DEFAULT_BODY_LIMIT_BYTES } from './config/hub-config.schema';
import type { HubRuntime } from './hub-runtime';
import { registerBodyParsers } from './http/body-parsers';
import { ProblemFilter } from './http/problem.filter';
import { registerXapiProtocol, rewriteXapiUrl } from './lrs/http/xapi-protocol';
import { isHookRoute, recordHookOutcome } from './intake/hook-outcome';
import type { HubLogger } from './observability/hub-logger';
import { HubMetrics } from './observability/hub-metrics';

/** Builds the Nest app on Fastify for a runtime; main.ts and the tests both start hubs this way. */
export async function createHubApp(runtime: HubRuntime, logger: HubLogger): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    bodyLimit: runtime.config.limits?.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES,
    // xAPI query strings carry JSON (agent=…); the default 100-char cap on params is not enough.
    routerOptions: { maxParamLength: 1000 },
    // xAPI 1.0.3 Communication §1.3: `POST …?method=PUT` must be routed as the PUT it stands for.
    rewriteUrl: rewriteXapiUrl,
  });
  registerBodyParsers(adapter.getInstance());
  registerXapiProtocol(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(runtime, logger), adapter, {
    logger,
    bufferLogs: false,
    // Our own parsers (registered above) keep raw bytes and accept any content type.
    bodyParser: false,
  });
  app.useGlobalFilters(new ProblemFilter(logger));
  app.enableShutdownHooks();
  const hookSinks = { metrics: app.get(HubMetrics), logger, isKnown: (id: string) => runtime.instances.get(id)?.enabled === true };
  adapter.getInstance().addHook('onResponse', (request, reply, done) => {
    // Every webhook answer, whoever gave it (route, rate limit, body limit), counted and logged once.
    if (isHookRoute(request.routeOptions.url)) recordHookOutcome(hookSinks, request, reply.statusCode);
    logger.pino.info(
      { method: request.method, url: request.routeOptions.url ?? request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
    done();
  });
  return app;
}
