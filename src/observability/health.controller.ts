import { Controller, Get, Inject, Optional, ServiceUnavailableException } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, type HealthCheckResult, HealthCheckService, type HealthIndicatorFunction, HealthIndicatorService } from '@nestjs/terminus';
import { Destinations } from '../runtime-settings';
import { HttpProblem } from '../http/http-errors';
import type { HubDatabase } from '../store/database';
import { destinationCondition, DestinationStateRepository } from '../store/destination-state.repository';
import { HUB_DATABASE } from '../store/hub-database.token';
import { QUEUE_PROBE, type QueueProbe } from './queue-probe';

/**
 * `GET /health`: 503 when the database (or Redis, for roles that use it) does not answer;
 * else 200, with `status: "degraded"` and the destinations concerned when one is paused
 * or failing — intake still accepts, so a load balancer must keep sending.
 */
@ApiExcludeController()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(HUB_DATABASE) private readonly database: HubDatabase,
    private readonly destinations: Destinations,
    private readonly states: DestinationStateRepository,
    @Optional() @Inject(QUEUE_PROBE) private readonly queues?: QueueProbe,
  ) {}

  @Get()
  @HealthCheck()
  async check() {
    const checks: HealthIndicatorFunction[] = [
      () =>
        this.indicators
          .check('database')
          .attempt(async () => {
            await this.database.ping();
            return { engine: this.database.engine };
          })
          .withTimeout(2000),
    ];
    const queues = this.queues;
    if (queues) checks.push(() => this.indicators.check('redis').attempt(() => queues.ping()).withTimeout(2000));
    const result = await this.health.check(checks).catch((error: unknown) => {
      throw error instanceof ServiceUnavailableException ? unhealthy(error.getResponse() as HealthCheckResult) : error;
    });
    const degraded = await this.degradedDestinations();
    if (degraded === undefined) return { ...result, destinations: 'not checked: the database pool is busy' };
    return degraded.length > 0 ? { ...result, status: 'degraded', degraded } : result;
  }

  /**
   * Paused or failing destinations, read over the pool: when a flood holds every pooled
   * connection the answer is left out (undefined) rather than keep /health waiting behind it.
   */
  private async degradedDestinations(): Promise<{ destination: string; state: string; reason: string | null }[] | undefined> {
    const configured = new Set(this.destinations.all.map((d) => d.id));
    let timer: NodeJS.Timeout | undefined;
    const busy = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), DESTINATIONS_CHECK_MS)));
    const states = await Promise.race([this.states.all(), busy]).finally(() => clearTimeout(timer));
    return states
      ?.filter((state) => configured.has(state.destination_id) && destinationCondition(state) !== 'active')
      .map((state) => ({ destination: state.destination_id, state: destinationCondition(state), reason: state.paused_reason ?? state.last_error }));
  }
}

/** How long /health waits for the destinations' states before answering without them. */
const DESTINATIONS_CHECK_MS = 1000;

/** A 503 in the hub's error shape, naming what does not answer (`{ error, details }`). */
function unhealthy(result: HealthCheckResult): HttpProblem {
  const failing = Object.entries(result.error ?? {});
  const details = failing.map(([name, state]) => `${name}: ${typeof state?.message === 'string' ? state.message : String(state?.status ?? 'down')}`);
  return new HttpProblem(503, `not healthy: ${failing.map(([name]) => name).join(', ') || 'a check'} does not answer`, details);
}
