import { Module } from '@nestjs/common';
import { TaskStatusRepository } from '../connector-host/tasks/task-status.repository';
import { LrsAuthModule } from '../lrs/auth/lrs-auth.module';
import { AdminController } from './admin.controller';
import { AdminTokenGuard } from './admin-token.guard';
import { CredentialsController } from './credentials.controller';
import { PreviewController } from './preview/preview.controller';
import { PreviewService } from './preview/preview.service';

@Module({ imports: [LrsAuthModule], controllers: [AdminController, CredentialsController, PreviewController], providers: [AdminTokenGuard, PreviewService, TaskStatusRepository] })
export class AdminModule {}
