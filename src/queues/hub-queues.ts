import { Queue } from 'bullmq';
import type IORedis from 'ioredis';
import {
  DELIVER_JOB_OPTIONS,
  type DeliverJob,
  deliverJobId,
  deliverQueueName,
  NORMALIZE_JOB_OPTIONS,
  CONNECTOR_TASKS_QUEUE,
  type ConnectorTaskJob,
  NORMALIZE_QUEUE,
  type NormalizeJob,
  normalizeJobId,
  normalizeLaterJobId,
} from './queue-catalogue';

export class QueueUnavailableError extends Error {}

/** The producer side of every queue, sharing one fail-fast Redis connection. */
export class HubQueues {
  readonly normalize: Queue<NormalizeJob>;
  readonly tasks: Queue<ConnectorTaskJob>;
  private readonly deliver = new Map<string, Queue<DeliverJob>>();
  /**
   * A second connection for /health's PING: on the producers' connection it would wait
   * behind every command in flight (thousands under load) and report Redis down.
   */
  private readonly probe: IORedis;

  constructor(
    readonly connection: IORedis,
    readonly prefix: string,
    destinationIds: string[],
  ) {
    this.probe = connection.duplicate({ enableOfflineQueue: true, maxRetriesPerRequest: 1 });
    this.probe.on('error', () => undefined);
    this.normalize = new Queue<NormalizeJob>(NORMALIZE_QUEUE, { connection, prefix });
    this.tasks = new Queue<ConnectorTaskJob>(CONNECTOR_TASKS_QUEUE, { connection, prefix });
    for (const id of destinationIds) {
      // The events stream is capped low: signals come and go by the thousand, nobody replays their history.
      this.deliver.set(id, new Queue<DeliverJob>(deliverQueueName(id), { connection, prefix, streams: { events: { maxLen: 100 } } }));
    }
  }

  async enqueueNormalize(job: NormalizeJob): Promise<void> {
    this.assertConnected();
    await this.normalize.add('normalize', job, { ...NORMALIZE_JOB_OPTIONS, jobId: normalizeJobId(job.eventId) });
  }

  /** Several normalize jobs in one Redis round trip (intake's group commit); a job id already there is a no-op, as with one. */
  async enqueueNormalizeAll(jobs: readonly NormalizeJob[]): Promise<void> {
    if (jobs.length === 0) return;
    this.assertConnected();
    await this.normalize.addBulk(jobs.map((job) => ({ name: 'normalize', data: job, opts: { ...NORMALIZE_JOB_OPTIONS, jobId: normalizeJobId(job.eventId) } })));
  }

  /** Maps the event again at `dueAt` (a connector said "later"); the inbox row keeps the time too. */
  async enqueueNormalizeAt(job: NormalizeJob, dueAt: Date, now: Date): Promise<void> {
    this.assertConnected();
    await this.normalize.add('normalize', job, {
      ...NORMALIZE_JOB_OPTIONS,
      jobId: normalizeLaterJobId(job.eventId, dueAt),
      delay: Math.max(0, dueAt.getTime() - now.getTime()),
    });
  }

  /** Normalizes an event again (a quarantined one, after its mapping was fixed): the finished job is removed first, or its id would make the add a no-op. */
  async renormalize(job: NormalizeJob): Promise<void> {
    this.assertConnected();
    await this.normalize.remove(normalizeJobId(job.eventId));
    await this.enqueueNormalize(job);
  }

  /** Tells the destination's workers there is work, now or (the retry schedule) at `dueAt`. */
  async signalDelivery(destinationId: string, dueAt?: Date): Promise<void> {
    this.assertConnected();
    const queue = this.deliver.get(destinationId);
    if (!queue) throw new Error(`no queue for destination "${destinationId}"`);
    const delay = dueAt ? Math.max(0, dueAt.getTime() - Date.now()) : 0;
    await queue.add('deliver', { destinationId }, { ...DELIVER_JOB_OPTIONS, delay, jobId: deliverJobId(destinationId, delay > 0 ? dueAt : undefined) });
  }

  /** Fail at once while Redis is away, rather than let BullMQ wait on a reconnect. */
  private assertConnected(): void {
    if (this.connection.status !== 'ready') throw new QueueUnavailableError(`Redis connection is ${this.connection.status}`);
  }

  /** Whether Redis answers, on a connection no queue uses. */
  async ping(): Promise<void> {
    await this.probe.ping();
  }

  all(): Queue[] {
    return [this.normalize, this.tasks, ...this.deliver.values()];
  }

  async close(): Promise<void> {
    await Promise.all(this.all().map((q) => q.close()));
    this.probe.disconnect();
  }
}
