import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import {
  DELIVER_JOB_OPTIONS,
  type DeliverJob,
  deliverJobId,
  deliverQueueName,
  NORMALIZE_JOB_OPTIONS,
  NORMALIZE_QUEUE,
  type NormalizeJob,
  normalizeJobId,
} from './queue-catalogue';

/** The producer side of every queue, sharing one fail-fast Redis connection. */
export class HubQueues {
  readonly normalize: Queue<NormalizeJob>;
  private readonly deliver = new Map<string, Queue<DeliverJob>>();

  constructor(
    readonly connection: IORedis,
    readonly prefix: string,
    destinationIds: string[],
  ) {
    this.normalize = new Queue<NormalizeJob>(NORMALIZE_QUEUE, { connection, prefix });
    for (const id of destinationIds) {
      this.deliver.set(id, new Queue<DeliverJob>(deliverQueueName(id), { connection, prefix }));
    }
  }

  async enqueueNormalize(job: NormalizeJob): Promise<void> {
    await this.normalize.add('normalize', job, { ...NORMALIZE_JOB_OPTIONS, jobId: normalizeJobId(job.eventId) });
  }

  async enqueueDeliver(job: DeliverJob): Promise<void> {
    const queue = this.deliver.get(job.destinationId);
    if (!queue) throw new Error(`no queue for destination "${job.destinationId}"`);
    await queue.add('deliver', job, { ...DELIVER_JOB_OPTIONS, jobId: deliverJobId(job.eventId, job.destinationId) });
  }

  all(): Queue[] {
    return [this.normalize, ...this.deliver.values()];
  }

  async close(): Promise<void> {
    await Promise.all(this.all().map((q) => q.close()));
  }
}
