import { Module } from '@nestjs/common';
import { LrsAuthModule } from '../lrs/auth/lrs-auth.module';
import { AdminController } from './admin.controller';
import { AdminTokenGuard } from './admin-token.guard';
import { CredentialsController } from './credentials.controller';

@Module({ imports: [LrsAuthModule], controllers: [AdminController, CredentialsController], providers: [AdminTokenGuard] })
export class AdminModule {}
