import { Module, type OnModuleInit } from '@nestjs/common';
import { LrsBootstrapCredential } from '../runtime-settings';
import { LrsAuthModule } from './auth/lrs-auth.module';
import { LrsCredentials } from './auth/lrs-credentials';
import { DOCUMENT_CONTROLLERS, DOCUMENT_PROVIDERS } from './documents/documents.providers';
import { StatementsController } from './http/statements.controller';
import { XapiGuard } from './http/xapi.guard';
import { LrsModule } from './lrs.module';

/** /xapi: the built-in LRS served over HTTP, with its bootstrap credential. */
@Module({
  imports: [LrsModule, LrsAuthModule],
  controllers: [StatementsController, ...DOCUMENT_CONTROLLERS],
  providers: [XapiGuard, ...DOCUMENT_PROVIDERS],
})
export class LrsHttpModule implements OnModuleInit {
  constructor(
    private readonly credentials: LrsCredentials,
    private readonly bootstrap: LrsBootstrapCredential,
  ) {}

  async onModuleInit(): Promise<void> {
    const { key, secret, generated } = this.bootstrap;
    if (generated) this.credentials.acceptForThisRun(key, secret);
    else await this.credentials.ensureBootstrap(key, secret);
  }
}
