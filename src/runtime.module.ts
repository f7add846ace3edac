import { Global, Module, type OnApplicationShutdown } from '@nestjs/common';
import { JsonataSandbox } from './connector-host/jsonata';
import { HUB_RUNTIME, type HubRuntime } from './hub-runtime';
import { HubLogger } from './observability/hub-logger';
import { HubMetrics } from './observability/hub-metrics';

/**
 * What every role shares: the runtime decided at start-up, the logger, the metrics, and
 * the sandbox that evaluates admin-written JSONata with a time limit.
 */
@Global()
@Module({})
export class RuntimeModule implements OnApplicationShutdown {
  constructor(private readonly sandbox: JsonataSandbox) {}

  static forRoot(runtime: HubRuntime, logger: HubLogger) {
    return {
      module: RuntimeModule,
      providers: [
        { provide: HUB_RUNTIME, useValue: runtime },
        { provide: HubLogger, useValue: logger },
        { provide: HubMetrics, useValue: new HubMetrics() },
        { provide: JsonataSandbox, useFactory: () => new JsonataSandbox({ timeoutMs: 100, poolSize: 2 }) },
      ],
      exports: [HUB_RUNTIME, HubLogger, HubMetrics, JsonataSandbox],
    };
  }

  async onApplicationShutdown(): Promise<void> {
    await this.sandbox.close();
  }
}
