import { Module } from '@nestjs/common';
import { HUB_RUNTIME, type HubRuntime } from '../../hub-runtime';
import { CredentialStore } from './credential-store';
import { LrsCredentials } from './lrs-credentials';

/** The LRS's credentials: the store and the verifier (for /xapi and for the admin API). */
@Module({
  providers: [
    CredentialStore,
    {
      provide: LrsCredentials,
      inject: [CredentialStore, HUB_RUNTIME],
      // The bootstrap key is known to every process from its environment, so each one refuses to revoke it.
      useFactory: (store: CredentialStore, runtime: HubRuntime) => new LrsCredentials(store, runtime.lrsCredential.key),
    },
  ],
  exports: [LrsCredentials],
})
export class LrsAuthModule {}
