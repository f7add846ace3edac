import { Module } from '@nestjs/common';
import { TaskStatusRepository } from '../connector-host/tasks/task-status.repository';
import { LrsAuthModule } from '../lrs/auth/lrs-auth.module';
import { AdminController } from './admin.controller';
import { AdminTokenGuard } from './admin-token.guard';
import { CredentialsController } from './credentials.controller';
import { DeadLettersController } from './dead-letters.controller';
import { DestinationsController } from './destinations.controller';
import { EventsController } from './events.controller';
import { OutboxModule } from '../delivery/outbox.module';
import { PreviewController } from './preview/preview.controller';
import { PreviewService } from './preview/preview.service';

@Module({
  imports: [LrsAuthModule, OutboxModule],
  controllers: [AdminController, CredentialsController, PreviewController, DeadLettersController, DestinationsController, EventsController],
  providers: [AdminTokenGuard, PreviewService, TaskStatusRepository],
})
export class AdminModule {}
