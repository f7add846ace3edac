import { Module } from '@nestjs/common';
import { OutboxModule } from '../delivery/outbox.module';
import { IdentityModule } from '../identity/identity.module';
import { HeldStatementRelease } from './held-release.service';

/** Releasing held statements: used by normalize (a hint taught the directory) and the people admin API. */
@Module({ imports: [IdentityModule, OutboxModule], providers: [HeldStatementRelease], exports: [HeldStatementRelease, IdentityModule] })
export class HeldReleaseModule {}
