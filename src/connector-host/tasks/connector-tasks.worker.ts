import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { UnrecoverableError, type Worker } from 'bullmq';
import type { SourceEvent } from '../../connector-sdk/connector';
import { HubLogger } from '../../observability/hub-logger';
import { HubQueues } from '../../queues/hub-queues';
import { CONNECTOR_TASKS_QUEUE, type ConnectorTaskJob, TASK_JOB_OPTIONS, taskSchedulerId } from '../../queues/queue-catalogue';
import { startWorker } from '../../queues/worker-host';
import { ConnectorInstances, QueueSettings } from '../../runtime-settings';
import { BufferedInstanceState } from '../capabilities/buffered-instance-state';
import { ConnectorContexts } from '../connector-contexts';
import { type AdmittedEvent, EventAdmission } from '../event-admission';
import { classifyTaskFailure } from './task-failure';
import { taskSchedules } from './task-schedules';
import { TaskStatusRepository } from './task-status.repository';

/**
 * Connectors' scheduled tasks as BullMQ job schedulers (repeatable jobs), one per instance ×
 * task, kept in step with the config at boot (a task no longer configured is removed). A run
 * gets a live context whose state writes are held back and committed with the events it
 * returns, which come in as a webhook's would (same inbox, same dedupe). A run that fails for
 * a passing reason is retried with backoff (TASK_JOB_OPTIONS); one the source refused
 * (401/403) stops the task — scheduler removed, reason logged and kept for the admin API —
 * until the next boot puts it back.
 */
@Injectable()
export class ConnectorTasksWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker<ConnectorTaskJob>;

  constructor(
    private readonly instances: ConnectorInstances,
    private readonly queueSettings: QueueSettings,
    private readonly queues: HubQueues,
    private readonly contexts: ConnectorContexts,
    private readonly admission: EventAdmission,
    private readonly logger: HubLogger,
    private readonly statuses: TaskStatusRepository,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.schedule().catch((error: unknown) =>
      // Redis away at boot: the schedulers kept in Redis from the last start still run.
      this.logger.pino.warn({ err: error }, 'could not update the connector task schedules'),
    );
    this.worker = startWorker<ConnectorTaskJob>(this.queueSettings, this.logger.pino, CONNECTOR_TASKS_QUEUE, (job) => this.run(job.data), {
      concurrency: 2,
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  /** Upserts a scheduler for each configured task and removes those no longer configured. */
  async schedule(): Promise<void> {
    const wanted = taskSchedules(this.instances.values());
    for (const s of wanted) {
      await this.queues.tasks.upsertJobScheduler(
        s.schedulerId,
        { every: s.everyMs },
        { name: s.task, data: { instanceId: s.instanceId, task: s.task }, opts: TASK_JOB_OPTIONS },
      );
    }
    const ids = new Set(wanted.map((s) => s.schedulerId));
    for (const existing of await this.queues.tasks.getJobSchedulers()) {
      if (existing.key && !ids.has(existing.key)) await this.queues.tasks.removeJobScheduler(existing.key);
    }
  }

  /** One run of one task; exported for tests that run a task without waiting for its tick. */
  async run({ instanceId, task }: ConnectorTaskJob): Promise<AdmittedEvent[]> {
    const instance = this.instances.get(instanceId);
    const definition = instance?.enabled ? instance.connector.tasks?.[task] : undefined;
    if (!instance || !definition) return []; // unconfigured since it was scheduled: schedule() removes it at the next boot
    const now = new Date();
    const state = new BufferedInstanceState(this.contexts.stateOf(instance));
    let events: SourceEvent[];
    try {
      events = (await definition.run(this.contexts.contextFor(instance, now, state))) ?? [];
    } catch (error) {
      await this.failed(instanceId, task, error, now);
      throw error;
    }
    const admitted = await this.admission.admit(instance, events, now, { stateChanges: state.changes() });
    await this.statuses.clear(instanceId, task);
    this.logger.pino.info({ instance: instanceId, task, eventIds: admitted.map((e) => e.eventId) }, 'connector task ran');
    return admitted;
  }

  /** Stops the task when retrying cannot help (throws UnrecoverableError so BullMQ does not retry). */
  private async failed(instanceId: string, task: string, error: unknown, now: Date): Promise<void> {
    const verdict = classifyTaskFailure(error);
    if (verdict.action === 'retry') {
      this.logger.pino.warn({ err: error, instance: instanceId, task }, 'connector task failed; it will be retried');
      return;
    }
    this.logger.pino.error({ instance: instanceId, task, reason: verdict.reason }, 'connector task stopped: the source refused its credentials; fix the config and restart the hub');
    await this.statuses.markStopped(instanceId, task, verdict.reason, now);
    await this.queues.tasks.removeJobScheduler(taskSchedulerId(instanceId, task));
    throw new UnrecoverableError(`task stopped: ${verdict.reason}`);
  }
}
