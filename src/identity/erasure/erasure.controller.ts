import { Body, Controller, Get, HttpCode, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { AdminTokenGuard } from '../../admin/admin-token.guard';
import { badRequest } from '../../http/http-errors';
import { checkIdentity } from '../person-input';
import { ErasureService } from './erasure.service';

/** `/admin/api/erasure`: forget a learner everywhere the hub keeps them. */
@ApiTags('privacy')
@ApiBearerAuth()
@Controller('admin/api/erasure')
@UseGuards(AdminTokenGuard)
export class ErasureController {
  constructor(private readonly erasure: ErasureService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Erase a learner: the person and identities, raw inbox events, quarantined and held statements, built-in LRS statements and documents. dryRun only counts. External LRSs are listed for their own deletion.',
  })
  @ApiBody({ schema: { type: 'object', example: { actor: { mbox: 'mailto:ana@acme.example' }, dryRun: true } } })
  @ApiResponse({ status: 200, description: '{ counts: { people, identities, inboxEvents, quarantined, heldStatements, outboxRows, statements, documents }, externalDestinations? }' })
  async erase(@Body() body: unknown) {
    const input = (body ?? {}) as { actor?: unknown; dryRun?: unknown };
    const problems: string[] = [];
    const { objectType: _t, name: _n, ...identifier } = (typeof input.actor === 'object' && input.actor !== null ? input.actor : {}) as Record<string, unknown>;
    const identity = input.actor === undefined ? undefined : checkIdentity(identifier, 'actor', problems);
    if (input.actor === undefined) problems.push('actor: required, e.g. {"mbox":"mailto:ana@acme.example"}');
    if (input.dryRun !== undefined && typeof input.dryRun !== 'boolean') problems.push('dryRun: true or false');
    if (problems.length > 0 || !identity) throw badRequest('the erasure request is not valid', problems);
    return this.erasure.erase(identity, { dryRun: input.dryRun === true, requestedBy: 'admin-api' });
  }

  @Get('audit')
  @ApiOperation({ summary: 'Past erasures: when, by which door, how many rows per kind — never whom' })
  async audit(@Query('limit') limit?: string) {
    const n = Number(limit ?? 100);
    return { erasures: await this.erasure.audit(Number.isInteger(n) && n > 0 ? Math.min(n, 500) : 100) };
  }
}
