import { Module } from '@nestjs/common';
import { LrsAuthModule } from '../lrs/auth/lrs-auth.module';
import { AdminTokenGuard } from './admin-token.guard';
import { CredentialsController } from './credentials.controller';

/** The admin API for LRS credentials; served by whichever role serves the LRS. */
@Module({ imports: [LrsAuthModule], controllers: [CredentialsController], providers: [AdminTokenGuard] })
export class CredentialsAdminModule {}
