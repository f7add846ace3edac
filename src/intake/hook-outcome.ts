import type { FastifyRequest } from 'fastify';
import type { AdmittedEvent } from '../connector-host/event-admission';
import type { HubLogger } from '../observability/hub-logger';
import type { HubMetrics } from '../observability/hub-metrics';

/** What the hook route learned about its request, read when the answer has gone out. */
export interface HookOutcomeNote {
  events?: readonly AdmittedEvent[];
  /** Why it was refused, for the log line. */
  reason?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    hookOutcome?: HookOutcomeNote;
  }
}

export const HOOK_ROUTE = '/hooks/:instance';

/** The hook and the sub-paths under it (xAPI pass-through): all counted per instance. */
export function isHookRoute(routeUrl: string | undefined): boolean {
  return routeUrl === HOOK_ROUTE || (routeUrl?.startsWith(`${HOOK_ROUTE}/`) ?? false);
}

/** Refusals Fastify makes before the route runs carry no note: say what they mean. */
const FRAMEWORK_REASONS: Record<number, string> = {
  413: 'the body is larger than limits.bodyLimitBytes',
};

export interface HookOutcomeSinks {
  metrics: HubMetrics;
  logger: HubLogger;
  /** Enabled instances: only they get metric series (callers choose the id; metrics must not grow with it). */
  isKnown(instanceId: string): boolean;
}

/**
 * Counts and logs one webhook request once its answer is sent, whatever answered it — the
 * route, the rate limit (429) or Fastify itself (413) — so the counters add up:
 * received = accepted + rejected (by status). One log line per request, with its event ids
 * or the reason it was refused.
 */
export function recordHookOutcome(sinks: HookOutcomeSinks, request: FastifyRequest, status: number): void {
  const instance = (request.params as { instance?: string } | undefined)?.instance ?? '';
  const note = request.hookOutcome ?? {};
  const events = note.events ?? [];
  const reason = note.reason ?? FRAMEWORK_REASONS[status];
  const line = { instance, status, eventIds: events.map((e) => e.eventId), ...(status >= 400 ? { reason } : {}) };
  const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
  sinks.logger.pino[level](line, 'webhook');
  if (!sinks.isKnown(instance)) return;
  sinks.metrics.eventsReceived.inc({ instance });
  if (status < 400) {
    const repeat = events.length > 0 && events.every((e) => e.duplicate);
    sinks.metrics.eventsAccepted.inc({ instance, duplicate: String(repeat) });
  } else {
    sinks.metrics.eventsRejected.inc({ instance, reason: String(status) });
  }
}
