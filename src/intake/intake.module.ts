import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { AdminTokenGuard } from '../admin/admin-token.guard';
import { HUB_RUNTIME, type HubRuntime } from '../hub-runtime';
import { AdminUploadController } from './admin-upload.controller';
import { HooksController } from './hooks.controller';
import { hookThrottlerOptions } from './hook-rate-limit';
import { IntakeService } from './intake.service';

@Module({
  imports: [ThrottlerModule.forRootAsync({ inject: [HUB_RUNTIME], useFactory: (runtime: HubRuntime) => hookThrottlerOptions(runtime) })],
  controllers: [HooksController, AdminUploadController],
  providers: [IntakeService, AdminTokenGuard],
})
export class IntakeModule {}
