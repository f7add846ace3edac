import { Module } from '@nestjs/common';
import { ConnectorTasksWorker } from './connector-tasks.worker';
import { TaskStatusRepository } from './task-status.repository';

/** Runs connectors' scheduled tasks (worker role). */
@Module({ providers: [ConnectorTasksWorker, TaskStatusRepository] })
export class ConnectorTasksModule {}
