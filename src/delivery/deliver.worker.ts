import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Job, UnrecoverableError, type Worker } from 'bullmq';
import { HUB_RUNTIME, type HubRuntime } from '../hub-runtime';
import { StatementsService } from '../lrs/statements/statements.service';
import { HubLogger } from '../observability/hub-logger';
import { HubMetrics } from '../observability/hub-metrics';
import { type DeliverJob, deliverQueueName } from '../queues/queue-catalogue';
import { startWorker } from '../queues/worker-host';
import { BuiltinDestination } from './builtin.destination';
import { DeliveryFailedError, type Destination } from './destination';
import { XapiDestination } from './xapi.destination';

/** One worker per destination queue: POST the job's statements, let BullMQ retry what may succeed later. */
@Injectable()
export class DeliverWorkers implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly workers: Worker<DeliverJob>[] = [];

  constructor(
    @Inject(HUB_RUNTIME) private readonly runtime: HubRuntime,
    private readonly statements: StatementsService,
    private readonly metrics: HubMetrics,
    private readonly logger: HubLogger,
  ) {}

  onApplicationBootstrap(): void {
    for (const config of this.runtime.config.destinations) {
      const destination: Destination =
        config.type === 'builtin' ? new BuiltinDestination(config.id, this.statements) : new XapiDestination(config);
      this.workers.push(
        startWorker<DeliverJob>(this.runtime, this.logger, deliverQueueName(config.id), (job) => this.process(destination, job), {
          concurrency: 4,
          onFinalFailure: async (job, error) => {
            this.logger.pino.error({ destination: config.id, eventId: job.data.eventId, reason: error.message }, 'delivery gave up');
          },
        }),
      );
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.close()));
  }

  private async process(destination: Destination, job: Job<DeliverJob>): Promise<void> {
    try {
      await destination.deliver(job.data.statements);
    } catch (error) {
      if (error instanceof DeliveryFailedError && error.verdict === 'reject') throw new UnrecoverableError(error.message);
      if (error instanceof DeliveryFailedError && error.verdict === 'stop') {
        this.logger.pino.error({ destination: destination.id, status: error.status }, 'destination refuses our credentials');
      }
      throw error;
    }
    this.metrics.statementsDelivered.inc({ destination: destination.id }, job.data.statements.length);
  }
}
