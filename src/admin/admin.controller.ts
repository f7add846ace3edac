import { Controller, Get, Inject, Param, UseGuards } from '@nestjs/common';
import { TaskStatusRepository } from '../connector-host/tasks/task-status.repository';
import { HUB_RUNTIME, type HubRuntime } from '../hub-runtime';
import { notFound } from '../http/http-errors';
import { InboxRepository } from '../store/inbox.repository';
import { AdminTokenGuard } from './admin-token.guard';

/** `/admin/api`: what is configured and what became of an event. Never returns a secret. */
@Controller('admin/api')
@UseGuards(AdminTokenGuard)
export class AdminController {
  constructor(
    @Inject(HUB_RUNTIME) private readonly runtime: HubRuntime,
    private readonly inbox: InboxRepository,
    private readonly taskStatuses: TaskStatusRepository,
  ) {}

  @Get('instances')
  async instances() {
    const stopped = await this.taskStatuses.stopped();
    return [...this.runtime.instances.values()].map((instance) => ({
      id: instance.id,
      connector: instance.connector.id,
      enabled: instance.enabled,
      destinations: instance.destinations,
      hookPath: `/hooks/${instance.id}`,
      /** Scheduled tasks stopped because the source refused their credentials (fix the config, restart). */
      stoppedTasks: stopped.get(instance.id) ?? [],
    }));
  }

  @Get('destinations')
  destinations() {
    return this.runtime.config.destinations.map((d) => ({ id: d.id, type: d.type, endpoint: d.endpoint }));
  }

  @Get('events/:eventId')
  async event(@Param('eventId') eventId: string) {
    const event = await this.inbox.find(eventId);
    if (!event) throw notFound(`no event ${eventId} in the inbox`);
    return {
      eventId: event.event_id,
      instance: event.instance_id,
      eventKey: event.event_key,
      receivedAt: event.received_at,
      status: event.status,
      detail: event.detail,
      /** When a `waiting` event is mapped again. */
      dueAt: event.due_at,
    };
  }
}
