import { Module } from '@nestjs/common';
import { ConnectorTasksWorker } from './connector-tasks.worker';

/** Runs connectors' scheduled tasks (worker role). */
@Module({ providers: [ConnectorTasksWorker] })
export class ConnectorTasksModule {}
