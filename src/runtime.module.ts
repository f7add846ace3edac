import { Global, Module, type OnApplicationShutdown } from '@nestjs/common';
import { JsonataSandbox } from './connector-host/jsonata';
import { RetentionConfig } from './config/hub-config.schema';
import { ConnectorRegistry } from './connector-host/connector-registry';
import type { HubRuntime } from './hub-runtime';
import { HubLogger } from './observability/hub-logger';
import { HubMetrics } from './observability/hub-metrics';
import {
  AdminSettings,
  ConnectorInstances,
  DatabaseSettings,
  DeliveryTimings,
  Destinations,
  HookRateSettings,
  InstanceConfigs,
  LrsBootstrapCredential,
  QueueSettings,
} from './runtime-settings';

/**
 * What every role shares: the runtime decided at start-up, cut into the small settings each
 * class injects (runtime-settings.ts), the logger, the metrics, and the sandbox that
 * evaluates admin-written JSONata with a time limit.
 */
@Global()
@Module({})
export class RuntimeModule implements OnApplicationShutdown {
  constructor(private readonly sandbox: JsonataSandbox) {}

  static forRoot(runtime: HubRuntime, logger: HubLogger) {
    const { env, config } = runtime;
    const settings = [
      new QueueSettings(env.REDIS_URL, env.QUEUE_PREFIX),
      new DatabaseSettings(env.DATABASE_URL),
      new AdminSettings(env.HUB_ADMIN_TOKEN),
      new LrsBootstrapCredential(runtime.lrsCredential.key, runtime.lrsCredential.secret, runtime.lrsCredential.generated),
      new ConnectorInstances(runtime.instances),
      new Destinations(config.destinations),
      new InstanceConfigs(config.instances),
      new HookRateSettings(config.limits, config.instances),
      new DeliveryTimings(config.delivery),
    ].map((value) => ({ provide: value.constructor, useValue: value }));
    return {
      module: RuntimeModule,
      providers: [
        ...settings,
        { provide: ConnectorRegistry, useValue: runtime.connectors },
        { provide: RetentionConfig, useValue: config.retention ?? {} },
        { provide: HubLogger, useValue: logger },
        { provide: HubMetrics, useValue: new HubMetrics() },
        { provide: JsonataSandbox, useFactory: () => new JsonataSandbox({ timeoutMs: 100, poolSize: 2 }) },
      ],
      exports: [...settings.map((s) => s.provide), ConnectorRegistry, RetentionConfig, HubLogger, HubMetrics, JsonataSandbox],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sandbox.close();
  }
}
