import { Module } from '@nestjs/common';
import { HUB_RUNTIME, type HubRuntime } from '../hub-runtime';
import { LrsCredentials } from './auth/lrs-credentials';
import { StatementsController } from './http/statements.controller';
import { XapiGuard } from './http/xapi.guard';
import { LrsModule } from './lrs.module';

/** /xapi: the built-in LRS served over HTTP. */
@Module({
  imports: [LrsModule],
  controllers: [StatementsController],
  providers: [
    XapiGuard,
    {
      provide: LrsCredentials,
      inject: [HUB_RUNTIME],
      useFactory: (runtime: HubRuntime) => {
        const credentials = new LrsCredentials();
        credentials.add(runtime.lrsCredential.key, runtime.lrsCredential.secret);
        return credentials;
      },
    },
  ],
})
export class LrsHttpModule {}
