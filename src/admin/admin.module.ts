import { Module } from '@nestjs/common';
import { LrsAuthModule } from '../lrs/auth/lrs-auth.module';
import { AdminController } from './admin.controller';
import { AdminTokenGuard } from './admin-token.guard';
import { CredentialsController } from './credentials.controller';
import { DeadLettersController } from './dead-letters.controller';
import { DestinationsController } from './destinations.controller';
import { EventsController } from './events.controller';
import { OutboxModule } from '../delivery/outbox.module';

@Module({
  imports: [LrsAuthModule, OutboxModule],
  controllers: [AdminController, CredentialsController, DeadLettersController, DestinationsController, EventsController],
  providers: [AdminTokenGuard],
})
export class AdminModule {}
