import { Controller, HttpCode, Inject, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { InboundRequest } from '../connector-sdk/connector';
import { HUB_RUNTIME, type HubRuntime } from '../hub-runtime';
import { headerValue } from '../http/headers';
import { HookRateLimitGuard } from './hook-rate-limit';
import { hookAnswerBody } from './hook-answer';
import { UnknownInstanceError } from './intake.errors';
import { IntakeService } from './intake.service';

/** `POST /hooks/:instance` — the URL IT gives a source; see connectors/<name>/README.md. */
@Controller('hooks')
@UseGuards(HookRateLimitGuard)
export class HooksController {
  constructor(
    @Inject(HUB_RUNTIME) private readonly runtime: HubRuntime,
    private readonly intake: IntakeService,
  ) {}

  @Post(':instance')
  @HttpCode(202)
  async receive(@Param('instance') instanceId: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    const instance = this.runtime.instances.get(instanceId);
    if (!instance?.enabled) throw new UnknownInstanceError(instanceId); // the guard checked; kept for the type
    let answer;
    try {
      answer = await this.intake.accept(instance, toInboundRequest(req));
    } catch (error) {
      req.hookOutcome = { reason: (error as Error).message };
      throw error;
    }
    if (answer.kind === 'handshake') {
      void res.status(answer.reply.status);
      if (answer.reply.contentType) void res.type(answer.reply.contentType);
      return answer.reply.body;
    }
    req.hookOutcome = { events: answer.events };
    if (answer.reply) {
      void res.status(answer.reply.status ?? 200);
      if (answer.reply.contentType) void res.type(answer.reply.contentType);
      return answer.reply.body;
    }
    return hookAnswerBody(answer.events, answer.rejected);
  }
}

function toInboundRequest(req: FastifyRequest): InboundRequest {
  const headers: Record<string, string | undefined> = {};
  for (const name of Object.keys(req.headers)) headers[name] = headerValue(req.headers, name);
  return {
    method: req.method,
    headers,
    // Empty when the request had no body: Fastify parses nothing then.
    rawBody: req.rawBody ?? Buffer.alloc(0),
    query: req.query as Record<string, string | undefined>,
    receivedAt: new Date(),
  };
}
