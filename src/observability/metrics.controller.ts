import { Controller, Get, Header, Inject, Optional } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HubMetrics } from './hub-metrics';
import { QUEUE_PROBE, type QueueProbe } from './queue-probe';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/** `GET /metrics`: Prometheus text; queue depths are read from Redis at scrape time. */
@ApiExcludeController()
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: HubMetrics,
    @Optional() @Inject(QUEUE_PROBE) private readonly queues?: QueueProbe,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(): Promise<string> {
    try {
      for (const { queue, counts } of (await this.queues?.depths(JOB_STATES)) ?? []) {
        for (const state of JOB_STATES) this.metrics.queueJobs.set({ queue, state }, counts[state] ?? 0);
      }
    } catch {
      // Redis down: the last known depths stay, and /health says why.
    }
    return this.metrics.registry.metrics();
  }
}
