import { Body, Controller, Get, HttpCode, Post, Put, Query, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { headerValue } from '../../http/headers';
import { invalidRequest } from '../lrs-errors';
import type { Statement } from '../../xapi/statement';
import { type MultipartPart, newBoundary, writeMultipart } from '../attachments/multipart';
import { readStatementRequestBody } from '../attachments/statement-request-body';
import { XapiScope } from '../auth/xapi-scope.decorator';
import { acceptedLanguages } from '../statements/accept-language';
import { agentKey } from '../statements/agent-key';
import { decodeMoreToken, encodeMoreToken } from '../statements/more-cursor';
import { formatStatement } from '../statements/statement-format';
import { parseStatementRequest, type StatementOutput } from '../statements/statement-query-params';
import { StatementsService } from '../statements/statements.service';
import { XapiGuard } from './xapi.guard';

const CONSISTENT_THROUGH = 'X-Experience-API-Consistent-Through';
type Params = Record<string, string | string[] | undefined>;

/** The Statement resource: /xapi/statements (xAPI 1.0.3 Communication §2.1). */
@Controller('xapi/statements')
@UseGuards(XapiGuard)
export class StatementsController {
  constructor(private readonly statements: StatementsService) {}

  /** Stores one statement under the id the URL gives (Communication §2.1.1): 204. */
  @Put()
  @HttpCode(204)
  @XapiScope('statements/write')
  async put(@Query() params: Params, @Body() body: unknown, @Req() req: FastifyRequest): Promise<void> {
    const unknown = Object.keys(params).filter((name) => name !== 'statementId');
    if (unknown.length > 0) throw invalidRequest(`PUT /statements takes only statementId, not ${unknown.join(', ')} (names are case-sensitive)`);
    const statementId = params.statementId;
    if (typeof statementId !== 'string' || statementId === '') throw invalidRequest('PUT needs the statementId query parameter');
    const { json, parts } = readStatementRequestBody(req.headers['content-type'], body);
    if (json === null || typeof json !== 'object' || Array.isArray(json)) throw invalidRequest('PUT takes one statement object');
    const statement = json as { id?: unknown };
    if (statement.id !== undefined && (typeof statement.id !== 'string' || statement.id.toLowerCase() !== statementId.toLowerCase())) {
      throw invalidRequest(`the statement's id ${String(statement.id)} differs from statementId ${statementId}`);
    }
    const { version, credential } = req.xapi!;
    await this.statements.store([{ ...statement, id: statementId }], credential!.authority, version, parts);
  }

  /** Stores one statement or an array of them (Communication §2.1.2): 200 with their ids. */
  @Post()
  @HttpCode(200)
  @XapiScope('statements/write')
  async post(@Query() params: Params, @Body() body: unknown, @Req() req: FastifyRequest): Promise<string[]> {
    const unknown = Object.keys(params);
    if (unknown.length > 0) throw invalidRequest(`POST /statements takes no query parameters, not ${unknown.join(', ')}`);
    const { json, parts } = readStatementRequestBody(req.headers['content-type'], body);
    if (json === null || typeof json !== 'object') throw invalidRequest('POST takes a statement object or an array of them');
    const { version, credential } = req.xapi!;
    return this.statements.store(Array.isArray(json) ? json : [json], credential!.authority, version, parts);
  }

  /** One statement, or a StatementResult page (Communication §2.1.3). */
  @Get()
  @XapiScope('statements/read')
  async get(@Query() params: Params, @Req() req: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<unknown> {
    void reply.header(CONSISTENT_THROUGH, await this.statements.consistentThrough());
    const { version, onlyAuthority } = req.xapi!;
    const request = parseStatementRequest(params, version);
    const languages = acceptedLanguages(headerValue(req.headers, 'accept-language'));
    // statements/read/mine (Communication §4.2): only what this credential's authority wrote.
    const authorityKey = onlyAuthority ? (agentKey(onlyAuthority) ?? '') : undefined;

    if (request.kind === 'single') {
      const { statement, stored } = await this.statements.findById(request.id, request.voided, authorityKey);
      void reply.header('Last-Modified', new Date(stored).toUTCString());
      return this.respond(reply, formatStatement(statement, request.format, languages), [statement], request);
    }

    const cursor = request.kind === 'more' ? decodeMoreToken(request.token) : { query: request.query, output: request };
    if (!cursor) throw invalidRequest('the more token is not one this LRS issued');
    const output: StatementOutput = { format: cursor.output.format, attachments: cursor.output.attachments };
    const page = await this.statements.query({ ...cursor.query, authorityKey });
    if (page.lastStored) void reply.header('Last-Modified', new Date(page.lastStored).toUTCString());
    const path = req.url.split('?')[0];
    const result = {
      statements: page.statements.map((s) => formatStatement(s, output.format, languages)),
      more: page.nextAfterSeq === undefined ? '' : `${path}?more=${encodeMoreToken({ query: cursor.query, output }, page.nextAfterSeq)}`,
    };
    return this.respond(reply, result, page.statements, output);
  }

  /**
   * JSON, or with attachments=true multipart/mixed: the JSON first, then each attachment's
   * bytes under its X-Experience-API-Hash (Communication §2.1.3, §1.5.2).
   */
  private async respond(reply: FastifyReply, json: unknown, statements: Statement[], output: StatementOutput): Promise<unknown> {
    if (!output.attachments) return json;
    const attachments = await this.statements.attachmentsOf(statements);
    const parts: MultipartPart[] = [
      { headers: { 'Content-Type': 'application/json' }, body: Buffer.from(JSON.stringify(json), 'utf8') },
      ...attachments.map((a) => ({
        headers: { 'Content-Type': a.contentType, 'Content-Transfer-Encoding': 'binary', 'X-Experience-API-Hash': a.sha2 },
        body: a.content,
      })),
    ];
    const boundary = newBoundary(parts);
    void reply.header('Content-Type', `multipart/mixed; boundary=${boundary}`);
    return writeMultipart(parts, boundary);
  }
}
