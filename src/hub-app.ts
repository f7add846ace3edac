import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AdminModule } from './admin/admin.module';
import { IdentityAdminModule } from './identity/identity-admin.module';
import { AppModule } from './app.module';
import { DEFAULT_BODY_LIMIT_BYTES, DEFAULT_XAPI_BODY_LIMIT_BYTES } from './config/hub-config.schema';
import type { HubRuntime } from './hub-runtime';
import { registerBodyParsers } from './http/body-parsers';
import { clientErrorAnswer, frameworkErrorAnswer } from './http/framework-errors';
import { registerOversizedBodyDrain } from './http/oversized-body';
import { registerShutdownAnswer } from './http/shutdown-answer';
import { type FrameworkHint, ProblemFilter } from './http/problem.filter';
import { lrsErrorProblem } from './lrs/http/lrs-error-status';
import { isXapiUrl, registerXapiProtocol, rewriteXapiUrl } from './lrs/http/xapi-protocol';
import { isHookRoute, recordHookOutcome } from './intake/hook-outcome';
import type { HubLogger } from './observability/hub-logger';
import { registerRequestContext, requestIdFor } from './observability/request-context';
import { HubMetrics } from './observability/hub-metrics';

/** Builds the Nest app on Fastify for a runtime; main.ts and the tests both start hubs this way. */
export async function createHubApp(runtime: HubRuntime, logger: HubLogger): Promise<NestFastifyApplication> {
  const bodyLimit = runtime.config.limits?.bodyLimitBytes ?? DEFAULT_BODY_LIMIT_BYTES;
  const xapiBodyLimit = runtime.config.limits?.xapiBodyLimitBytes ?? DEFAULT_XAPI_BODY_LIMIT_BYTES;
  const adapter = new FastifyAdapter({
    bodyLimit,
    // xAPI query strings carry JSON (agent=…); the default 100-char cap on params is not enough.
    routerOptions: { maxParamLength: 1000 },
    // xAPI 1.0.3 Communication §1.3: `POST …?method=PUT` must be routed as the PUT it stands for.
    rewriteUrl: rewriteXapiUrl,
    genReqId: requestIdFor,
    // Fastify's own 503 while closing has another body shape; registerShutdownAnswer sends ours.
    return503OnClosing: false,
    // What Fastify and Node refuse before any route runs also answers { error, details }.
    frameworkErrors: frameworkErrorAnswer,
    clientErrorHandler: clientErrorAnswer,
  });
  registerRequestContext(adapter.getInstance());
  registerShutdownAnswer(adapter.getInstance());
  // The LRS takes documents and attachments, larger than any webhook: its routes get their own limit.
  adapter.getInstance().addHook('onRoute', (route) => {
    if (isXapiUrl(route.url)) route.bodyLimit = xapiBodyLimit;
  });
  registerOversizedBodyDrain(adapter.getInstance());
  registerBodyParsers(adapter.getInstance());
  registerXapiProtocol(adapter.getInstance());
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(runtime, logger), adapter, {
    logger,
    bufferLogs: false,
    // Our own parsers (registered above) keep raw bytes and accept any content type.
    bodyParser: false,
  });
  app.useGlobalFilters(new ProblemFilter(logger, [lrsErrorProblem], bodyLimitHint(bodyLimit, xapiBodyLimit)));
  if (runtime.env.HUB_ROLE !== 'worker') serveAdminApiDocs(app);
  app.enableShutdownHooks();
  const hookSinks = { metrics: app.get(HubMetrics), logger, isKnown: (id: string) => runtime.instances.get(id)?.enabled === true };
  adapter.getInstance().addHook('onResponse', (request, reply, done) => {
    // Every webhook answer, whoever gave it (route, rate limit, body limit), counted and logged once.
    if (isHookRoute(request.routeOptions.url)) recordHookOutcome(hookSinks, request, reply.statusCode);
    // The URL as asked (the logger blanks secrets in it), and the route it matched, if any.
    logger.pino.info(
      { reqId: request.id, method: request.method, url: request.url, route: request.routeOptions.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
    done();
  });
  return app;
}

/** Where the limit a 413 enforced is set, and how large it is. */
function bodyLimitHint(bodyLimit: number, xapiBodyLimit: number): FrameworkHint {
  return (status, url) => {
    if (status !== 413) return undefined;
    const [setting, bytes] = isXapiUrl(url) ? ['limits.xapiBodyLimitBytes', xapiBodyLimit] : ['limits.bodyLimitBytes', bodyLimit];
    return `send a smaller body; this route accepts up to ${setting} (${bytes} bytes) of the hub's config`;
  };
}

/** The admin API's OpenAPI document at /admin/api/docs (JSON at /admin/api/docs-json): every admin controller. */
function serveAdminApiDocs(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('xapi-hub admin API')
    .setDescription('Instances, preview, dead letters and replay, the fate of every event, destinations, credentials, the identity directory, erasure. Send Authorization: Bearer <HUB_ADMIN_TOKEN>.')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config, { include: [AdminModule, IdentityAdminModule] });
  SwaggerModule.setup('admin/api/docs', app, document);
}
