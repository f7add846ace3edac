import { Module } from '@nestjs/common';
import { AdminTokenGuard } from '../admin/admin-token.guard';
import { LrsModule } from '../lrs/lrs.module';
import { ErasureController } from './erasure/erasure.controller';
import { ErasureService } from './erasure/erasure.service';
import { ERASURE_PROVIDERS } from './erasure/erasure.providers';
import { HeldReleaseModule } from '../normalize/held-release.module';
import { IdentityModule } from './identity.module';
import { PeopleController, UnresolvedIdentitiesController } from './people.controller';
import { ReissueService } from './reissue.service';

/** The directory's and erasure's admin API (served wherever the admin API is: roles all, intake, lrs). */
@Module({
  imports: [IdentityModule, HeldReleaseModule, LrsModule],
  controllers: [PeopleController, UnresolvedIdentitiesController, ErasureController],
  providers: [AdminTokenGuard, ReissueService, ErasureService, ...ERASURE_PROVIDERS],
})
export class IdentityAdminModule {}
