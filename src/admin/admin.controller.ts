import { Controller, Get, Inject, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { HUB_RUNTIME, type HubRuntime } from '../hub-runtime';
import { AdminTokenGuard } from './admin-token.guard';

/** `/admin/api/instances`: what is configured. Never returns a secret. */
@ApiTags('instances')
@ApiBearerAuth()
@Controller('admin/api')
@UseGuards(AdminTokenGuard)
export class AdminController {
  constructor(@Inject(HUB_RUNTIME) private readonly runtime: HubRuntime) {}

  @Get('instances')
  @ApiOperation({ summary: 'Connector instances and their webhook paths' })
  instances() {
    return [...this.runtime.instances.values()].map((instance) => ({
      id: instance.id,
      connector: instance.connector.id,
      enabled: instance.enabled,
      destinations: instance.destinations,
      hookPath: `/hooks/${instance.id}`,
    }));
  }
}
