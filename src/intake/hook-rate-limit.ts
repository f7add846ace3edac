import { type ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions, type ThrottlerStorage } from '@nestjs/throttler';
import type { FastifyRequest } from 'fastify';
import { DEFAULT_HOOK_RATE_PER_SECOND } from '../config/hub-config.schema';
import { ConnectorInstances, type HookRateSettings } from '../runtime-settings';
import { UnknownInstanceError } from './intake.errors';

function requestOf(context: ExecutionContext): FastifyRequest {
  return context.switchToHttp().getRequest<FastifyRequest>();
}

function instanceOf(context: ExecutionContext): string {
  return (requestOf(context).params as { instance?: string }).instance ?? '';
}

/** Requests per second each instance may send: its own setting, else the hub's; read once at start. */
export function hookRates(settings: HookRateSettings): (instanceId: string) => number {
  const fallback = settings.limits?.hookRatePerSecond ?? DEFAULT_HOOK_RATE_PER_SECOND;
  const own = new Map(settings.instances.map((i) => [i.id, i.rateLimitPerSecond ?? fallback]));
  return (instanceId) => own.get(instanceId) ?? fallback;
}

/**
 * One budget per instance (not per client address): a noisy source is slowed down with 429
 * and Retry-After, and the other sources keep theirs. `storage` holds the counts: in Redis,
 * every intake process shares one budget per instance.
 */
export function hookThrottlerOptions(settings: HookRateSettings, storage: ThrottlerStorage): ThrottlerModuleOptions {
  const rateFor = hookRates(settings);
  return {
    storage,
    // Named 'default' so the headers are the standard Retry-After and X-RateLimit-*.
    throttlers: [{ name: 'default', ttl: 1000, limit: (context) => rateFor(instanceOf(context)) }],
    getTracker: (req) => `hook:${(req.params as { instance?: string }).instance ?? ''}`,
    errorMessage: (context) =>
      `instance "${instanceOf(context)}" sent more than ${rateFor(instanceOf(context))} requests in a second; retry after Retry-After seconds`,
  };
}

/**
 * The library's guard, behind a check that the instance exists: an unknown id gets its 404
 * before any budget (or metric series) is made for it, so callers cannot grow either.
 * Counting happens once the answer is sent (hook-outcome.ts).
 */
@Injectable()
export class HookRateLimitGuard extends ThrottlerGuard {
  @Inject(ConnectorInstances) private readonly instances!: ConnectorInstances;

  override async canActivate(context: ExecutionContext): Promise<boolean> {
    const instanceId = instanceOf(context);
    if (!this.instances.get(instanceId)?.enabled) {
      const error = new UnknownInstanceError(instanceId);
      requestOf(context).hookOutcome = { reason: error.message };
      throw error;
    }
    return super.canActivate(context);
  }

  protected override async throwThrottlingException(context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    requestOf(context).hookOutcome = { reason: await this.getErrorMessage(context, detail) };
    return super.throwThrottlingException(context, detail);
  }
}
