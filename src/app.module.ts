import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { AdminModule } from './admin/admin.module';
import type { HubRole } from './config/environment';
import { ConnectorHostModule } from './connector-host/connector-host.module';
import { ConnectorTasksModule } from './connector-host/tasks/connector-tasks.module';
import { DeliveryModule } from './delivery/delivery.module';
import type { HubRuntime } from './hub-runtime';
import { IdentityAdminModule } from './identity/identity-admin.module';
import { RetentionModule } from './identity/retention/retention.module';
import { IntakeModule } from './intake/intake.module';
import { LrsHttpModule } from './lrs/lrs-http.module';
import { NormalizeModule } from './normalize/normalize.module';
import type { HubLogger } from './observability/hub-logger';
import { ObservabilityModule } from './observability/observability.module';
import { QueuesModule } from './queues/queues.module';
import { RuntimeModule } from './runtime.module';
import { StoreModule } from './store/store.module';

/**
 * Which modules each role runs. `all` is one process doing everything; the others let
 * intake, workers and the LRS scale apart (they share Redis and the database).
 */
const ROLE_MODULES: Record<HubRole, Type[]> = {
  intake: [QueuesModule, ConnectorHostModule, IntakeModule, AdminModule, IdentityAdminModule],
  worker: [QueuesModule, ConnectorHostModule, ConnectorTasksModule, NormalizeModule, DeliveryModule, RetentionModule],
  lrs: [LrsHttpModule, AdminModule, IdentityAdminModule],
  all: [
    QueuesModule,
    ConnectorHostModule,
    ConnectorTasksModule,
    IntakeModule,
    NormalizeModule,
    DeliveryModule,
    LrsHttpModule,
    AdminModule,
    IdentityAdminModule,
    RetentionModule,
  ],
};

@Module({})
export class AppModule {
  static forRoot(runtime: HubRuntime, logger: HubLogger): DynamicModule {
    return {
      module: AppModule,
      imports: [RuntimeModule.forRoot(runtime, logger), StoreModule, ObservabilityModule, ...ROLE_MODULES[runtime.env.HUB_ROLE]],
    };
  }
}
