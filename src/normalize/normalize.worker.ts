import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { type Job, UnrecoverableError, type Worker } from 'bullmq';
import { MappingError } from '../connector-sdk/connector';
import { JsonataEvaluationError, JsonataSandbox } from '../connector-sdk/jsonata';
import { destinationXapiVersion } from '../config/destination-settings';
import { DeliveryOutbox } from '../delivery/delivery-outbox';
import { HUB_RUNTIME, type HubRuntime } from '../hub-runtime';
import { parseJson } from '../http/body-parsers';
import { HubLogger } from '../observability/hub-logger';
import { HubMetrics } from '../observability/hub-metrics';
import { NORMALIZE_QUEUE, type NormalizeJob } from '../queues/queue-catalogue';
import { startWorker } from '../queues/worker-host';
import { InboxRepository } from '../store/inbox.repository';
import { DEFAULT_XAPI_VERSION, type XapiVersion } from '../xapi/xapi-version';
import { normalizeEvent } from './normalize-event';

/**
 * Errors that come from the event or the mapping itself: retrying cannot help. A timeout is
 * not among them: on a busy machine a sound mapping can overrun once, so it gets the retries.
 */
const MAPPING_FAILURES = [MappingError, JsonataEvaluationError];

/** The normalize worker: inbox event → statements → outbox rows (statement × destination). */
@Injectable()
export class NormalizeWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private worker?: Worker<NormalizeJob>;

  constructor(
    @Inject(HUB_RUNTIME) private readonly runtime: HubRuntime,
    private readonly inbox: InboxRepository,
    private readonly outbox: DeliveryOutbox,
    private readonly sandbox: JsonataSandbox,
    private readonly metrics: HubMetrics,
    private readonly logger: HubLogger,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = startWorker<NormalizeJob>(this.runtime, this.logger.pino, NORMALIZE_QUEUE, (job) => this.process(job), {
      concurrency: 8,
      onFinalFailure: (job, error) => this.inbox.setStatus(job.data.eventId, 'failed', error.message),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async process(job: Job<NormalizeJob>): Promise<void> {
    const { eventId, instanceId } = job.data;
    const event = await this.inbox.find(eventId);
    if (!event || event.status === 'normalized' || event.status === 'quarantined') return;
    const instance = this.runtime.instances.get(instanceId);
    if (!instance) throw new UnrecoverableError(`instance "${instanceId}" is no longer configured`);

    let normalized;
    try {
      normalized = await normalizeEvent(
        instance,
        { eventKey: event.event_key, receivedAt: event.received_at, body: parseJson(Buffer.from(event.raw_body, 'utf8')) },
        this.sandbox,
        this.versionsFor(instance.destinations),
      );
    } catch (error) {
      if (MAPPING_FAILURES.some((type) => error instanceof type)) throw new UnrecoverableError(`mapping failed: ${(error as Error).message}`);
      throw error;
    }

    await this.outbox.recordNormalized({ eventId, instanceId, destinations: instance.destinations, ...normalized });
    if (normalized.quarantined.length > 0) this.metrics.statementsQuarantined.inc({ instance: instanceId }, normalized.quarantined.length);
  }

  private versionsFor(destinationIds: string[]): XapiVersion[] {
    const destinations = this.runtime.config.destinations.filter((d) => destinationIds.includes(d.id));
    const versions = [...new Set(destinations.map(destinationXapiVersion))];
    return versions.length > 0 ? versions : [DEFAULT_XAPI_VERSION];
  }
}
