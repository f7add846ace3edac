import { Controller, Get, HttpCode, Param, Post, Put, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { HookSubPath } from '../connector-sdk/connector';
import { ConnectorInstances } from '../runtime-settings';
import { DEFAULT_XAPI_VERSION, XAPI_VERSION_HEADER } from '../xapi/xapi-version';
import { inboundRequestOf, sendConnectorAnswer } from './fastify-inbound-request';
import { HookRateLimitGuard } from './hook-rate-limit';
import { hookAnswerBody } from './hook-answer';
import { UnknownHookPathError, UnknownInstanceError } from './intake.errors';
import { IntakeService } from './intake.service';

/**
 * `POST /hooks/:instance` — the URL IT gives a source; see connectors/<name>/README.md. The
 * sub-paths below it are routed only to connectors that list them in `subPaths` (the xAPI
 * pass-through: an xAPI statements resource and an OAuth2 token endpoint per instance).
 */
@Controller('hooks')
@UseGuards(HookRateLimitGuard)
export class HooksController {
  constructor(
    private readonly instances: ConnectorInstances,
    private readonly intake: IntakeService,
  ) {}

  @Post(':instance')
  @HttpCode(202)
  receive(@Param('instance') instanceId: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    return this.take(instanceId, '', req, res);
  }

  @Post(':instance/xapi/statements')
  @HttpCode(202)
  postStatements(@Param('instance') instanceId: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    return this.take(instanceId, '/xapi/statements', req, res);
  }

  @Put(':instance/xapi/statements')
  @HttpCode(202)
  putStatement(@Param('instance') instanceId: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    return this.take(instanceId, '/xapi/statements', req, res);
  }

  @Get(':instance/xapi/about')
  about(@Param('instance') instanceId: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    return this.take(instanceId, '/xapi/about', req, res);
  }

  @Post(':instance/oauth/token')
  token(@Param('instance') instanceId: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    return this.take(instanceId, '/oauth/token', req, res);
  }

  private async take(instanceId: string, path: '' | HookSubPath, req: FastifyRequest, res: FastifyReply) {
    const instance = this.instances.get(instanceId);
    if (!instance?.enabled) throw new UnknownInstanceError(instanceId); // the guard checked; kept for the type
    let answer;
    try {
      if (path !== '' && !instance.connector.subPaths?.includes(path)) throw new UnknownHookPathError(instanceId, path);
      // xAPI 1.0.3 Communication §3.3: every answer of an xAPI resource names the version, errors
      // included (the filter keeps headers already set); the connector's own reply may name another.
      if (path.startsWith('/xapi/')) void res.header(XAPI_VERSION_HEADER, DEFAULT_XAPI_VERSION);
      answer = await this.intake.accept(instance, inboundRequestOf(req, path));
    } catch (error) {
      req.hookOutcome = { reason: (error as Error).message };
      throw error;
    }
    if (answer.kind === 'handshake') return sendConnectorAnswer(res, answer.reply);
    req.hookOutcome = { events: answer.events };
    if (answer.reply) return sendConnectorAnswer(res, answer.reply);
    return hookAnswerBody(answer.events, answer.rejected);
  }
}
