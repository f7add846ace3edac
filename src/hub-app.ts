import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AdminModule } from './admin/admin.module';
import { AppModule } from './app.module';
import { DEFAULT_BODY_LIMIT_BYTES } from './config/hub-config.schema';
import type { HubRuntime } from './hub-runtime';
import { registerBodyParsers } from './http/body-parsers';
import { ProblemFilter } from './http/problem.filter';
import { registerXapiProtocol, rewriteXapiUrl } from './lrs/http/xapi-protocol';
import type { HubLogger } from './observability/hub-logger';

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
  if (runtime.env.HUB_ROLE !== 'worker') serveAdminApiDocs(app);
  app.enableShutdownHooks();
  adapter.getInstance().addHook('onResponse', (request, reply, done) => {
    logger.pino.info(
      { method: request.method, url: request.routeOptions.url ?? request.url, status: reply.statusCode, ms: Math.round(reply.elapsedTime) },
      'request',
    );
    done();
  });
  return app;
}

/** The admin API's OpenAPI document at /admin/api/docs (JSON at /admin/api/docs-json): every controller of AdminModule. */
function serveAdminApiDocs(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('xapi-hub admin API')
    .setDescription('Dead letters, replay, the fate of every event, destinations. Send Authorization: Bearer <HUB_ADMIN_TOKEN>.')
    .addBearerAuth()
    .build();
  const document = SwaggerModule.createDocument(app, config, { include: [AdminModule] });
  SwaggerModule.setup('admin/api/docs', app, document);
}
