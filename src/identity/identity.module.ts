import { Module } from '@nestjs/common';
import { InstanceConfigs } from '../runtime-settings';
import { DirectoryCache } from './directory-cache';
import { HeldStatementsRepository } from './held-statements.repository';
import { IdentityResolver } from './identity-resolver.service';
import { INSTANCE_IDENTITY_SETTINGS, instanceIdentitySettings } from './identity-settings';
import { PeopleRepository } from './people.repository';

/**
 * The identity directory as the pipeline uses it: import this module and inject
 * IdentityResolver (normalize calls `resolve`, connectors' hints go to `learn`).
 */
@Module({
  providers: [
    PeopleRepository,
    HeldStatementsRepository,
    { provide: DirectoryCache, inject: [PeopleRepository], useFactory: (people: PeopleRepository) => new DirectoryCache(people) },
    { provide: INSTANCE_IDENTITY_SETTINGS, inject: [InstanceConfigs], useFactory: (configs: InstanceConfigs) => instanceIdentitySettings(configs) },
    IdentityResolver,
  ],
  exports: [PeopleRepository, HeldStatementsRepository, IdentityResolver],
})
export class IdentityModule {}
