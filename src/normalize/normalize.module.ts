import { Module } from '@nestjs/common';
import { NormalizeWorker } from './normalize.worker';
import { QuarantineRepository } from './quarantine.repository';

@Module({ providers: [NormalizeWorker, QuarantineRepository] })
export class NormalizeModule {}
