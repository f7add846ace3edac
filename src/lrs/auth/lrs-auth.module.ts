import { Inject, Module, type OnModuleInit } from '@nestjs/common';
import { HUB_RUNTIME, type HubRuntime } from '../../hub-runtime';
import { CredentialStore } from './credential-store';
import { LrsCredentials } from './lrs-credentials';

/** The LRS's credentials: the store, the verifier, and the bootstrap credential upserted at start. */
@Module({
  providers: [
    CredentialStore,
    { provide: LrsCredentials, inject: [CredentialStore], useFactory: (store: CredentialStore) => new LrsCredentials(store) },
  ],
  exports: [LrsCredentials],
})
export class LrsAuthModule implements OnModuleInit {
  constructor(
    private readonly credentials: LrsCredentials,
    @Inject(HUB_RUNTIME) private readonly runtime: HubRuntime,
  ) {}

  async onModuleInit(): Promise<void> {
    const { key, secret } = this.runtime.lrsCredential;
    await this.credentials.ensureBootstrap(key, secret);
  }
}
