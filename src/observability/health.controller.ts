import { Controller, Get, Inject, Optional } from '@nestjs/common';
import { HealthCheck, HealthCheckService, type HealthIndicatorFunction, HealthIndicatorService } from '@nestjs/terminus';
import { HubQueues } from '../queues/hub-queues';
import type { HubDatabase } from '../store/database';
import { HUB_DATABASE } from '../store/hub-database.token';

/** `GET /health`: 200 when the database (and Redis, for roles that use it) answer; 503 otherwise. */
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(HUB_DATABASE) private readonly database: HubDatabase,
    @Optional() private readonly queues?: HubQueues,
  ) {}

  @Get()
  @HealthCheck()
  check() {
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
    if (queues) {
      checks.push(() =>
        this.indicators
          .check('redis')
          .attempt(async () => {
            await queues.ping();
          })
          .withTimeout(2000),
      );
    }
    return this.health.check(checks);
  }
}
