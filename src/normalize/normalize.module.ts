import { Module } from '@nestjs/common';
import { NormalizeWorker } from './normalize.worker';
import { OutboxModule } from '../delivery/outbox.module';
import { HeldReleaseModule } from './held-release.module';
import { StrandedEventsSweeper } from './stranded-events.sweeper';

@Module({ imports: [OutboxModule, HeldReleaseModule], providers: [NormalizeWorker, StrandedEventsSweeper] })
export class NormalizeModule {}
