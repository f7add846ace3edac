import { redactUrl } from '../config/redact-url';
import { Body, Controller, Get, HttpCode, Param, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { DeliveryOutbox } from '../delivery/delivery-outbox';
import { notFound } from '../http/http-errors';
import { HubLogger } from '../observability/hub-logger';
import { destinationCondition, DestinationStateRepository } from '../store/destination-state.repository';
import { OutboxRepository } from '../store/outbox.repository';
import { Destinations } from '../runtime-settings';
import { AdminTokenGuard } from './admin-token.guard';

class PauseRequest {
  @ApiPropertyOptional({ description: 'Why it is paused: shown in the destination list and /health' })
  reason?: string;
}

/** `/admin/api/destinations`: each destination's state, backlog and last error; pause and resume. Never a password. */
@ApiTags('destinations')
@ApiBearerAuth()
@Controller('admin/api/destinations')
@UseGuards(AdminTokenGuard)
export class DestinationsController {
  constructor(
    private readonly destinations: Destinations,
    private readonly states: DestinationStateRepository,
    private readonly outbox: OutboxRepository,
    private readonly delivery: DeliveryOutbox,
    private readonly logger: HubLogger,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Destinations: active / paused / failing, breaker, backlog, oldest waiting, last error' })
  async list() {
    return Promise.all(this.destinations.all.map((d) => this.describe(d.id)));
  }

  @Post(':id/pause')
  @HttpCode(200)
  @ApiOperation({ summary: 'Stop delivering to the destination until it is resumed (statements keep waiting in the outbox)' })
  @ApiBody({ type: PauseRequest, required: false })
  async pause(@Param('id') id: string, @Body() body: unknown) {
    this.configured(id);
    const given = (body as { reason?: unknown } | undefined)?.reason;
    const reason = typeof given === 'string' && given.trim() !== '' ? given.trim() : 'paused by an admin';
    await this.states.pause(id, 'admin', reason);
    this.logger.pino.warn({ destination: id, reason }, 'destination paused by an admin');
    return this.describe(id);
  }

  @Post(':id/resume')
  @HttpCode(200)
  @ApiOperation({ summary: 'Deliver to the destination again (after fixing its credentials or endpoint)' })
  async resume(@Param('id') id: string) {
    this.configured(id);
    await this.states.resume(id);
    this.logger.pino.info({ destination: id }, 'destination resumed by an admin');
    await this.delivery.signal([id]);
    return this.describe(id);
  }

  private configured(id: string) {
    const destination = this.destinations.all.find((d) => d.id === id);
    if (!destination) throw notFound(`no destination "${id}" in the config`);
    return destination;
  }

  private async describe(id: string) {
    const config = this.configured(id);
    const [state, backlog] = await Promise.all([this.states.get(id), this.outbox.backlog(id)]);
    const probing = state.breaker === 'open' && state.open_until !== null && Date.parse(state.open_until) <= Date.now();
    return {
      id,
      type: config.type,
      endpoint: config.endpoint === undefined ? undefined : redactUrl(config.endpoint),
      state: destinationCondition(state),
      pausedBy: state.paused_by,
      pausedReason: state.paused_reason,
      breaker: probing ? 'half-open' : state.breaker,
      consecutiveFailures: state.consecutive_failures,
      breakerOpenUntil: state.open_until,
      backlog: backlog.backlog,
      oldestWaitingSince: backlog.oldestWaitingSince,
      deadLetters: backlog.dead,
      lastError: state.last_error,
      lastErrorAt: state.last_error_at,
    };
  }
}
