import { Controller, Get, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TaskStatusRepository } from '../connector-host/tasks/task-status.repository';
import { ConnectorInstances } from '../runtime-settings';
import { AdminTokenGuard } from './admin-token.guard';

/** `/admin/api/instances`: what is configured. Never returns a secret. */
@ApiTags('instances')
@ApiBearerAuth()
@Controller('admin/api')
@UseGuards(AdminTokenGuard)
export class AdminController {
  constructor(
    private readonly configured: ConnectorInstances,
    private readonly taskStatuses: TaskStatusRepository,
  ) {}

  @Get('instances')
  @ApiOperation({ summary: 'Connector instances, their webhook paths, and scheduled tasks stopped by a refusal' })
  async instances() {
    const stopped = await this.taskStatuses.stopped();
    return [...this.configured.values()].map((instance) => ({
      id: instance.id,
      connector: instance.connector.id,
      enabled: instance.enabled,
      destinations: instance.destinations,
      hookPath: `/hooks/${instance.id}`,
      /** Scheduled tasks stopped because the source refused their credentials (fix the config, restart). */
      stoppedTasks: stopped.get(instance.id) ?? [],
    }));
  }
}
