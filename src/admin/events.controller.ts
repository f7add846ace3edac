import { Body, Controller, Get, HttpCode, Optional, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { badRequest, notFound } from '../http/http-errors';
import { HubQueues } from '../queues/hub-queues';
import { type InboxEvent, InboxRepository } from '../store/inbox.repository';
import { OutboxRepository } from '../store/outbox.repository';
import { QuarantineRepository, type QuarantineRow } from '../store/quarantine.repository';
import { AdminTokenGuard } from './admin-token.guard';
import { optionalInstant, optionalText, pageLimit, parseJsonColumn } from './admin-query';

class QuarantineReplayRequest {
  @ApiPropertyOptional({ type: [String], description: 'Event ids whose quarantined statements are normalized again' })
  eventIds?: string[];
  @ApiPropertyOptional({ description: 'Or every quarantined event of this instance (with since)' })
  instance?: string;
  @ApiPropertyOptional({ description: 'ISO 8601' })
  since?: string;
}

/** An inbox event as both event routes show it (the one-event route adds its chain). */
function describeEvent(event: InboxEvent) {
  return {
    eventId: event.event_id,
    instance: event.instance_id,
    eventKey: event.event_key,
    receivedAt: event.received_at,
    status: event.status,
    detail: event.detail,
  };
}

function describeQuarantined(row: QuarantineRow) {
  return {
    id: row.seq,
    eventId: row.event_id,
    instance: row.instance_id,
    statementId: row.statement_id,
    reasons: parseJsonColumn(row.reasons),
    statement: parseJsonColumn(row.statement),
    createdAt: row.created_at,
    resolvedAt: row.resolved_at,
  };
}

/** `/admin/api/events` and `/admin/api/quarantine`: the fate of every event, and statements that failed validation. */
@ApiTags('events')
@ApiBearerAuth()
@Controller('admin/api')
@UseGuards(AdminTokenGuard)
export class EventsController {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly outbox: OutboxRepository,
    private readonly quarantine: QuarantineRepository,
    @Optional() private readonly queues?: HubQueues,
  ) {}

  @Get('events')
  @ApiOperation({ summary: 'Events, newest first' })
  @ApiQuery({ name: 'instance', required: false })
  @ApiQuery({ name: 'status', required: false, description: 'received | queued | normalized | quarantined | failed' })
  @ApiQuery({ name: 'since', required: false, description: 'ISO 8601 instant' })
  @ApiQuery({ name: 'eventKey', required: false, description: "The source's own event id" })
  @ApiQuery({ name: 'limit', required: false })
  async events(@Query() query: Record<string, unknown>) {
    const rows = await this.inbox.list(
      { instance: optionalText(query.instance), status: optionalText(query.status), since: optionalInstant(query.since, 'since'), eventKey: optionalText(query.eventKey) },
      pageLimit(query.limit),
    );
    return rows.map(describeEvent);
  }

  @Get('events/:eventId')
  @ApiOperation({ summary: 'The chain of one event: received → statements → per destination pending / delivered / dead, with the last answer' })
  async event(@Param('eventId') eventId: string) {
    const event = await this.inbox.find(eventId);
    if (!event) throw notFound(`no event ${eventId} in the inbox`);
    const [rows, quarantined] = await Promise.all([this.outbox.forEvent(eventId), this.quarantine.forEvent(eventId)]);
    const destinations: Record<string, unknown[]> = {};
    for (const row of rows) {
      (destinations[row.destination_id] ??= []).push({
        statementId: row.statement_id,
        status: row.status,
        attempts: row.attempts,
        firstAttemptAt: row.first_attempt_at,
        lastAttemptAt: row.last_attempt_at,
        nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
        deliveredAt: row.delivered_at,
        lastAnswer: row.last_answer,
        deadLetter: row.status === 'dead' || row.status === 'discarded' ? { id: row.seq, reason: row.dead_reason } : null,
      });
    }
    return {
      ...describeEvent(event),
      /** When a `waiting` event is mapped again. */
      dueAt: event.due_at,
      statements: [...new Set(rows.map((row) => row.statement_id))],
      quarantined: quarantined.map(describeQuarantined),
      destinations,
    };
  }

  @Get('quarantine')
  @ApiOperation({ summary: 'Statements that failed validation, with their reasons (unresolved ones unless resolved=true)' })
  @ApiQuery({ name: 'instance', required: false })
  @ApiQuery({ name: 'since', required: false })
  @ApiQuery({ name: 'resolved', required: false, description: 'true: include those a later normalize resolved' })
  @ApiQuery({ name: 'limit', required: false })
  async quarantined(@Query() query: Record<string, unknown>) {
    const rows = await this.quarantine.list(
      { instance: optionalText(query.instance), since: optionalInstant(query.since, 'since'), resolved: query.resolved === 'true' },
      pageLimit(query.limit),
    );
    return rows.map(describeQuarantined);
  }

  @Post('quarantine/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Normalize quarantined events again (after the mapping was fixed); answers how many were queued' })
  @ApiBody({ type: QuarantineReplayRequest })
  async replayQuarantine(@Body() body: unknown) {
    const input = (body ?? {}) as Record<string, unknown>;
    let eventIds: string[];
    if (input.eventIds !== undefined) {
      if (!Array.isArray(input.eventIds) || !input.eventIds.every((id) => typeof id === 'string')) {
        throw badRequest('eventIds must be an array of event ids', ['eventIds: e.g. ["3f2c…"]']);
      }
      eventIds = input.eventIds as string[];
    } else {
      const instance = optionalText(input.instance);
      if (!instance) throw badRequest('say which events to normalize again', ['send { "eventIds": [...] } or { "instance", "since" }']);
      const rows = await this.inbox.list({ instance, status: 'quarantined', since: optionalInstant(input.since, 'since') }, 1000);
      eventIds = rows.map((row) => row.event_id);
    }
    const moved = await this.inbox.requeueQuarantined(eventIds);
    const instances = new Map((await Promise.all(moved.map((id) => this.inbox.find(id)))).flatMap((e) => (e ? [[e.event_id, e.instance_id] as const] : [])));
    for (const eventId of moved) {
      // Without Redis (or in the lrs role) the sweeper queues them: they are `queued` in the inbox now.
      await this.queues?.renormalize({ eventId, instanceId: instances.get(eventId) ?? '' }).catch(() => undefined);
    }
    return { replayed: moved.length };
  }
}
