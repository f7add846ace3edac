import { Module } from '@nestjs/common';
import { RetentionConfig } from '../../config/hub-config.schema';
import { DeadLettersRetentionSource } from './dead-letters.retention-source';
import { InboxRetentionSource } from './inbox.retention-source';
import { LrsStatementsRetentionSource } from './lrs-statements.retention-source';
import { RETENTION_CONFIG, RETENTION_SOURCES, RetentionJob } from './retention.job';
import type { RetentionSource } from './retention-source';

/** What has an age limit. Adding one is a class implementing RetentionSource and a line here. */
export const RETENTION_SOURCE_TYPES = [InboxRetentionSource, DeadLettersRetentionSource, LrsStatementsRetentionSource];

/** The retention job, run by the worker role. */
@Module({
  providers: [
    ...RETENTION_SOURCE_TYPES,
    { provide: RETENTION_SOURCES, inject: RETENTION_SOURCE_TYPES, useFactory: (...sources: RetentionSource[]) => sources },
    { provide: RETENTION_CONFIG, useExisting: RetentionConfig },
    RetentionJob,
  ],
  exports: [RetentionJob],
})
export class RetentionModule {}
