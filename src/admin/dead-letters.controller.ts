import { Body, Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiProperty, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { DeliveryOutbox } from '../delivery/delivery-outbox';
import { badRequest, notFound } from '../http/http-errors';
import { type DeadLetterFilter, OutboxRepository, type OutboxRow } from '../store/outbox.repository';
import { AdminTokenGuard } from './admin-token.guard';
import { optionalInstant, optionalText, pageLimit, parseJsonColumn } from './admin-query';

class ReplayRequest {
  @ApiPropertyOptional({ type: [Number], description: 'Dead-letter ids; or give a filter instead' })
  ids?: number[];
  @ApiPropertyOptional() destination?: string;
  @ApiPropertyOptional() instance?: string;
  @ApiPropertyOptional({ description: 'conflict | rejected | too-large | expired' }) reason?: string;
  @ApiPropertyOptional({ description: 'ISO 8601: dead letters whose last attempt is at or after it' }) since?: string;
}

class DiscardRequest {
  @ApiProperty({ description: 'Why it is given up: kept with the row' })
  reason!: string;
}

/** What the admin API shows of a dead letter: the statement, where it went, why it died, the LRS's answer. */
function describeDeadLetter(row: OutboxRow) {
  return {
    id: row.seq,
    destination: row.destination_id,
    instance: row.instance_id,
    eventId: row.event_id,
    statementId: row.statement_id,
    status: row.status,
    reason: row.dead_reason,
    answer: row.last_answer,
    attempts: row.attempts,
    firstAttemptAt: row.first_attempt_at,
    lastAttemptAt: row.last_attempt_at,
    receivedAt: row.received_at,
  };
}

/** `/admin/api/dead-letters`: statements a destination will not take, with why, to replay or discard. */
@ApiTags('dead letters')
@ApiBearerAuth()
@Controller('admin/api/dead-letters')
@UseGuards(AdminTokenGuard)
export class DeadLettersController {
  constructor(
    private readonly outbox: OutboxRepository,
    private readonly delivery: DeliveryOutbox,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Dead letters, newest first, with the LRS answer' })
  @ApiQuery({ name: 'destination', required: false })
  @ApiQuery({ name: 'instance', required: false })
  @ApiQuery({ name: 'reason', required: false, description: 'conflict | rejected | too-large | expired' })
  @ApiQuery({ name: 'since', required: false, description: 'ISO 8601 instant' })
  @ApiQuery({ name: 'limit', required: false, description: '1..1000, default 100' })
  async list(@Query() query: Record<string, unknown>) {
    const rows = await this.outbox.deadLetters(filterOf(query), pageLimit(query.limit));
    return rows.map(describeDeadLetter);
  }

  @Get(':id')
  @ApiOperation({ summary: 'One dead letter with its statement and attempts' })
  async one(@Param('id') id: string) {
    const row = await this.outbox.find(idOf(id));
    if (!row || (row.status !== 'dead' && row.status !== 'discarded')) throw notFound(`no dead letter ${id}`);
    return { ...describeDeadLetter(row), statement: parseJsonColumn(row.statement) };
  }

  @Post('replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Send dead letters again (same statement ids: an LRS holding one makes no second copy)' })
  @ApiBody({ type: ReplayRequest })
  async replay(@Body() body: unknown) {
    const input = (body ?? {}) as Record<string, unknown>;
    if (input.ids !== undefined) {
      if (!Array.isArray(input.ids) || input.ids.length === 0 || !input.ids.every((id) => Number.isInteger(id))) {
        throw badRequest('ids must be a non-empty array of dead-letter ids', ['ids: e.g. [12, 13]']);
      }
      return { replayed: await this.delivery.replay({ ids: input.ids as number[] }) };
    }
    const filter = filterOf(input);
    if (!filter.destination && !filter.instance && !filter.since && !filter.reason) {
      throw badRequest('say which dead letters to replay', ['send { "ids": [...] } or a filter { "destination", "instance", "reason", "since" }']);
    }
    return { replayed: await this.delivery.replay(filter) };
  }

  @Post(':id/discard')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give a dead letter up for good, with a reason' })
  @ApiBody({ type: DiscardRequest })
  async discard(@Param('id') id: string, @Body() body: unknown) {
    const reason = (body as { reason?: unknown } | undefined)?.reason;
    if (typeof reason !== 'string' || reason.trim() === '') throw badRequest('say why it is discarded', ['reason: a non-empty string']);
    if (!(await this.outbox.discard(idOf(id), reason.trim()))) throw notFound(`no dead letter ${id} to discard`);
    return { id: idOf(id), status: 'discarded' };
  }
}

function filterOf(input: Record<string, unknown>): DeadLetterFilter {
  return {
    destination: optionalText(input.destination),
    instance: optionalText(input.instance),
    reason: optionalText(input.reason),
    since: optionalInstant(input.since, 'since'),
  };
}

function idOf(text: string): number {
  const id = Number(text);
  if (!Number.isInteger(id) || id < 1) throw notFound(`no dead letter ${text}`);
  return id;
}
