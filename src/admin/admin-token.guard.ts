import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { HttpProblem } from '../http/http-errors';
import { AdminSettings } from '../runtime-settings';

/** `Authorization: Bearer <HUB_ADMIN_TOKEN>`, compared in constant time; no token configured = admin API off. */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  private readonly expected?: Buffer;

  constructor(settings: AdminSettings) {
    const token = settings.token;
    this.expected = token ? digest(token) : undefined;
  }

  canActivate(context: ExecutionContext): boolean {
    if (!this.expected) throw new HttpProblem(404, 'the admin API is off: set HUB_ADMIN_TOKEN to turn it on');
    const header = context.switchToHttp().getRequest<FastifyRequest>().headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header);
    if (!match || !timingSafeEqual(digest(match[1].trim()), this.expected)) {
      throw new HttpProblem(401, 'send Authorization: Bearer <HUB_ADMIN_TOKEN>', [], { 'WWW-Authenticate': 'Bearer' });
    }
    return true;
  }
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
