import { Controller, Get, Header, Optional } from '@nestjs/common';
import { HubQueues } from '../queues/hub-queues';
import { HubMetrics } from './hub-metrics';

const JOB_STATES = ['waiting', 'active', 'delayed', 'failed', 'completed'] as const;

/** `GET /metrics`: Prometheus text; queue depths are read from Redis at scrape time. */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly metrics: HubMetrics,
    @Optional() private readonly queues?: HubQueues,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(): Promise<string> {
    for (const queue of this.queues?.all() ?? []) {
      try {
        const counts = await queue.getJobCounts(...JOB_STATES);
        for (const state of JOB_STATES) this.metrics.queueJobs.set({ queue: queue.name, state }, counts[state] ?? 0);
      } catch {
        // Redis down: the last known depths stay, and /health says why.
      }
    }
    return this.metrics.registry.metrics();
  }
}
