import { Module } from '@nestjs/common';
import { LrsModule } from '../lrs/lrs.module';
import { DeliverWorkers } from './deliver.worker';

@Module({ imports: [LrsModule], providers: [DeliverWorkers] })
export class DeliveryModule {}
