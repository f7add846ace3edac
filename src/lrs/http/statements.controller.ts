import { Body, Controller, Get, HttpCode, Post, Put, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { badRequest } from '../../http/http-errors';
import { decodeMoreToken, encodeMoreToken } from '../statements/more-cursor';
import { parseStatementQuery } from '../statements/statement-query-params';
import { StatementsService } from '../statements/statements.service';
import { XapiGuard } from './xapi.guard';

const CONSISTENT_THROUGH = 'X-Experience-API-Consistent-Through';

/** The Statement resource: /xapi/statements (xAPI 1.0.3 Communication §2.1). */
@Controller('xapi/statements')
@UseGuards(XapiGuard)
export class StatementsController {
  constructor(private readonly statements: StatementsService) {}

  @Put()
  @HttpCode(204)
  async put(@Query('statementId') statementId: string | undefined, @Body() body: unknown, @Req() req: FastifyRequest): Promise<void> {
    if (!statementId) throw badRequest('PUT needs the statementId query parameter');
    if (body === null || typeof body !== 'object' || Array.isArray(body)) throw badRequest('PUT takes one statement object');
    const statement = body as { id?: unknown };
    if (statement.id !== undefined && statement.id !== statementId) {
      throw badRequest(`the statement's id ${String(statement.id)} differs from statementId ${statementId}`);
    }
    const { version, credential } = req.xapi!;
    await this.statements.store([{ ...statement, id: statementId }], credential!.authority, version);
  }

  @Post()
  @HttpCode(200)
  async post(@Body() body: unknown, @Req() req: FastifyRequest): Promise<string[]> {
    if (body === null || typeof body !== 'object') throw badRequest('POST takes a statement object or an array of them');
    const { version, credential } = req.xapi!;
    return this.statements.store(Array.isArray(body) ? body : [body], credential!.authority, version);
  }

  @Get()
  async get(@Query() params: Record<string, string | undefined>, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply) {
    void reply.header(CONSISTENT_THROUGH, new Date().toISOString());
    const { version } = req.xapi!;
    if (params.statementId !== undefined) return this.statements.findById(params.statementId, false);
    if (params.voidedStatementId !== undefined) return this.statements.findById(params.voidedStatementId, true);

    const query = params.more !== undefined ? decodeMoreToken(params.more) : parseStatementQuery(params, version);
    if (!query) throw badRequest('the more token is not one this LRS issued');
    const page = await this.statements.query(query);
    return {
      statements: page.statements,
      more: page.nextAfterSeq === undefined ? '' : `/xapi/statements?more=${encodeMoreToken(query, page.nextAfterSeq)}`,
    };
  }
}
