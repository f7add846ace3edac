import { Controller, HttpCode, Param, Post, Req, Res, UseGuards } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { InboundRequest } from '../connector-sdk/connector';
import { headerValue } from '../http/headers';
import { HookRateLimitGuard } from './hook-rate-limit';
import { IntakeService } from './intake.service';

/** `POST /hooks/:instance` — the URL IT gives a source; see connectors/<name>/README.md. */
@Controller('hooks')
@UseGuards(HookRateLimitGuard)
export class HooksController {
  constructor(private readonly intake: IntakeService) {}

  @Post(':instance')
  @HttpCode(202)
  async receive(@Param('instance') instanceId: string, @Req() req: FastifyRequest, @Res({ passthrough: true }) res: FastifyReply) {
    const answer = await this.intake.accept(instanceId, toInboundRequest(req));
    if (answer.kind === 'handshake') {
      void res.status(answer.reply.status);
      if (answer.reply.contentType) void res.type(answer.reply.contentType);
      return answer.reply.body;
    }
    return { eventId: answer.eventId, duplicate: answer.duplicate };
  }
}

function toInboundRequest(req: FastifyRequest): InboundRequest {
  const headers: Record<string, string | undefined> = {};
  for (const name of Object.keys(req.headers)) headers[name] = headerValue(req.headers, name);
  const rawBody = req.rawBody ?? Buffer.alloc(0);
  return {
    headers,
    rawBody,
    body: Buffer.isBuffer(req.body) ? undefined : req.body,
    query: req.query as Record<string, string | undefined>,
    receivedAt: new Date(),
  };
}
