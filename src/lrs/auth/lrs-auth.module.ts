import { Module } from '@nestjs/common';
import { CredentialStore } from './credential-store';
import { LrsCredentials } from './lrs-credentials';

/** The LRS's credentials: the store and the verifier (for /xapi and for the admin API). */
@Module({
  providers: [
    CredentialStore,
    { provide: LrsCredentials, inject: [CredentialStore], useFactory: (store: CredentialStore) => new LrsCredentials(store) },
  ],
  exports: [LrsCredentials],
})
export class LrsAuthModule {}
