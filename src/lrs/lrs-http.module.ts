import { Module } from '@nestjs/common';
import { CredentialsAdminModule } from '../admin/credentials.module';
import { LrsAuthModule } from './auth/lrs-auth.module';
import { StatementsController } from './http/statements.controller';
import { DOCUMENT_CONTROLLERS, DOCUMENT_PROVIDERS } from './documents/documents.providers';
import { XapiGuard } from './http/xapi.guard';
import { LrsModule } from './lrs.module';

/** /xapi: the built-in LRS served over HTTP. */
@Module({
  imports: [LrsModule, LrsAuthModule, CredentialsAdminModule],
  controllers: [StatementsController, ...DOCUMENT_CONTROLLERS],
  providers: [XapiGuard, ...DOCUMENT_PROVIDERS],
})
export class LrsHttpModule {}
