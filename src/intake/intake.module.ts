import { Module } from '@nestjs/common';
import { HooksController } from './hooks.controller';
import { IntakeService } from './intake.service';

@Module({
  controllers: [HooksController],
  providers: [IntakeService],
})
export class IntakeModule {}
