import { Module } from '@nestjs/common';
import { DeliveryOutbox } from './delivery-outbox';

/** The outbox's write side, shared by normalize (record) and the admin API (replay). */
@Module({ providers: [DeliveryOutbox], exports: [DeliveryOutbox] })
export class OutboxModule {}
