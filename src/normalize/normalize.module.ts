import { Module } from '@nestjs/common';
import { NormalizeWorker } from './normalize.worker';
import { OutboxModule } from '../delivery/outbox.module';
import { StrandedEventsSweeper } from './stranded-events.sweeper';

@Module({ imports: [OutboxModule], providers: [NormalizeWorker, StrandedEventsSweeper] })
export class NormalizeModule {}
