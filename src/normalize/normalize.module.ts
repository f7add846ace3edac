import { Module } from '@nestjs/common';
import { NormalizeWorker } from './normalize.worker';
import { QuarantineRepository } from './quarantine.repository';
import { StrandedEventsSweeper } from './stranded-events.sweeper';

@Module({ providers: [NormalizeWorker, QuarantineRepository, StrandedEventsSweeper] })
export class NormalizeModule {}
