import { Module } from '@nestjs/common';
import { ThrottlerModule } from '@nestjs/throttler';
import { HUB_RUNTIME, type HubRuntime } from '../hub-runtime';
import { HooksController } from './hooks.controller';
import { hookThrottlerOptions } from './hook-rate-limit';
import { IntakeService } from './intake.service';

@Module({
  imports: [ThrottlerModule.forRootAsync({ inject: [HUB_RUNTIME], useFactory: (runtime: HubRuntime) => hookThrottlerOptions(runtime) })],
  controllers: [HooksController],
  providers: [IntakeService],
})
export class IntakeModule {}
