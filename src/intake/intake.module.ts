import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AdminTokenGuard } from '../admin/admin-token.guard';
import { AdminUploadController } from './admin-upload.controller';
import { HubQueues } from '../queues/hub-queues';
import { RedisThrottlerStorage } from '../queues/redis-throttler-storage';
import { HookRateSettings } from '../runtime-settings';
import { HooksController } from './hooks.controller';
import { hookThrottlerOptions } from './hook-rate-limit';
import { IntakeService } from './intake.service';

@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [HookRateSettings, HubQueues],
      // Counts in Redis: intake processes started side by side share each instance's budget.
      useFactory: (rates: HookRateSettings, queues: HubQueues) =>
        hookThrottlerOptions(rates, new RedisThrottlerStorage(queues.connection, queues.prefix)),
    }),
  ],
  controllers: [HooksController, AdminUploadController],
  providers: [IntakeService, AdminTokenGuard],
})
export class IntakeModule {}
