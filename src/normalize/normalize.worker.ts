import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Job, UnrecoverableError, type Worker } from 'bullmq';
import { MappingError } from '../connector-sdk/connector';
import { DuplicateSubKeyError } from '../connector-sdk/keyed-statements';
import { ConnectorContexts } from '../connector-host/connector-contexts';
import { JsonataEvaluationError } from '../connector-host/jsonata';
import { DeliveryOutbox } from '../delivery/delivery-outbox';
import { HubLogger } from '../observability/hub-logger';
import { HubMetrics } from '../observability/hub-metrics';
import { HubQueues } from '../queues/hub-queues';
import { NORMALIZE_QUEUE, type NormalizeJob } from '../queues/queue-catalogue';
import { startWorker } from '../queues/worker-host';
import { ConnectorInstances, Destinations, QueueSettings } from '../runtime-settings';
import { type InboxEvent, InboxRepository } from '../store/inbox.repository';
import { GroupCommit } from '../store/group-commit';
import type { XapiVersion } from '../xapi/xapi-version';
import { destinationVersions } from './destination-versions';
import { IdentityResolver } from '../identity/identity-resolver.service';
import { HeldStatementRelease } from './held-release.service';
import { type IdentityStep, type NormalizedEvent, normalizeEvent } from './normalize-event';

/**
 * Errors that come from the event or the mapping itself: retrying cannot help. A timeout is
 * not among them: on a busy machine a sound mapping can overrun once, so it gets the retries.
 */
const MAPPING_FAILURES = [MappingError, JsonataEvaluationError, DuplicateSubKeyError];

/** Statuses a repeated or stale job must leave alone. */
const SETTLED = new Set(['normalized', 'quarantined', 'ignored']);

/** The normalize worker: inbox event → statements → outbox rows (statement × destination). */
@Injectable()
export class NormalizeWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker<NormalizeJob>;
  /**
   * Jobs that start together read their inbox rows in one query (the same natural batching as
   * the outbox's group commit): one SELECT per event was half the hub's queries under load.
   */
  private readonly events = new GroupCommit<string, InboxEvent | undefined>((eventIds) => this.inbox.findMany(eventIds), 100);

  constructor(
    private readonly queueSettings: QueueSettings,
    private readonly instances: ConnectorInstances,
    private readonly destinations: Destinations,
    private readonly inbox: InboxRepository,
    private readonly outbox: DeliveryOutbox,
    private readonly queues: HubQueues,
    private readonly contexts: ConnectorContexts,
    private readonly metrics: HubMetrics,
    private readonly logger: HubLogger,
    private readonly resolver: IdentityResolver,
    private readonly heldRelease: HeldStatementRelease,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = startWorker<NormalizeJob>(this.queueSettings, this.logger.pino, NORMALIZE_QUEUE, (job) => this.process(job), {
      concurrency: 32,
      onFinalFailure: (job, error) => this.inbox.setStatus(job.data.eventId, 'failed', error.message),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async process(job: Job<NormalizeJob>): Promise<void> {
    const { eventId, instanceId } = job.data;
    const event = await this.events.submit(eventId);
    if (!event || SETTLED.has(event.status)) return;
    const instance = this.instances.get(instanceId);
    if (!instance) throw new UnrecoverableError(`instance "${instanceId}" is no longer configured`);

    // People the event's hints created or changed: statements held for them earlier go on after this event.
    const learned: string[] = [];
    const identity: IdentityStep = {
      learn: async (hints) => {
        for (const outcome of await this.resolver.learn(instanceId, [...hints])) {
          if (outcome.kind === 'created' || outcome.kind === 'updated') learned.push(outcome.personId);
        }
      },
      resolve: (statements) => this.resolver.resolve(instanceId, statements, eventId),
    };
    let normalized: NormalizedEvent;
    try {
      normalized = await normalizeEvent(
        instance,
        // The inbox keeps each event's body as the JSON text split made of it.
        { key: event.event_key, receivedAt: event.received_at, body: JSON.parse(event.raw_body) as unknown },
        this.contexts.contextFor(instance, new Date()),
        this.versionsFor(instance.destinations),
        identity,
      );
    } catch (error) {
      if (MAPPING_FAILURES.some((type) => error instanceof type)) throw new UnrecoverableError(`mapping failed: ${(error as Error).message}`);
      throw error;
    }
    if (normalized.kind === 'ignored') {
      await this.inbox.setStatus(eventId, 'ignored', normalized.reason);
      await this.heldRelease.release(learned);
      return;
    }
    if (normalized.kind === 'later') {
      // The row first (the record, which the sweeper reads if Redis loses the job), then the delayed job.
      await this.inbox.setWaiting(eventId, normalized.dueAt, normalized.reason);
      await this.queues.enqueueNormalizeAt({ eventId, instanceId }, normalized.dueAt, new Date());
      return;
    }

    await this.outbox.recordNormalized({ eventId, instanceId, destinations: instance.destinations, ...normalized });
    if (normalized.quarantined.length > 0) this.metrics.statementsQuarantined.inc({ instance: instanceId }, normalized.quarantined.length);
    if (normalized.held > 0) this.logger.pino.debug({ eventId, instanceId, held: normalized.held }, 'statements held for unknown learners (GET /admin/api/unresolved-identities)');
    await this.heldRelease.release(learned);
  }

  private versionsFor(destinationIds: string[]): XapiVersion[] {
    return destinationVersions(this.destinations.all, destinationIds);
  }
}
