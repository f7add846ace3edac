import { Module } from '@nestjs/common';
import { LrsBootstrapCredential } from '../../runtime-settings';
import { CredentialStore } from './credential-store';
import { LrsCredentials } from './lrs-credentials';

/** The LRS's credentials: the store and the verifier (for /xapi and for the admin API). */
@Module({
  providers: [
    CredentialStore,
    {
      provide: LrsCredentials,
      inject: [CredentialStore, LrsBootstrapCredential],
      // The bootstrap key is known to every process from its environment, so each one refuses to revoke it.
      useFactory: (store: CredentialStore, bootstrap: LrsBootstrapCredential) => new LrsCredentials(store, bootstrap.key),
    },
  ],
  exports: [LrsCredentials],
})
export class LrsAuthModule {}
