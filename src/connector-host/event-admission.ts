import { Injectable } from '@nestjs/common';
import type { SourceEvent } from '../connector-sdk/connector';
import { eventIdFor } from '../connector-sdk/event-id';
import { HubLogger } from '../observability/hub-logger';
import { HubMetrics } from '../observability/hub-metrics';
import type { NormalizeJob } from '../queues/queue-catalogue';
import { HubQueues } from '../queues/hub-queues';
import { GroupCommit } from '../store/group-commit';
import { InboxRepository, type NewInboxEvent, type RecordedEvent } from '../store/inbox.repository';
import { type StateChange, writeStateChanges } from './capabilities/instance-state';
import type { ConnectorInstance } from './connector-instances';

/** A backend an acknowledgement depends on is down: nothing was accepted, the source should retry (503). */
export class HubBackendUnavailableError extends Error {
  constructor(readonly backend: string) {
    super(`the hub's ${backend} is unavailable; nothing was accepted, retry later`);
  }
}

export interface AdmissionOptions {
  /** The request's Content-Type, kept on the inbox rows. */
  contentType?: string;
  /** State the run wrote (a scheduled task's cursor): committed with the events or not at all. */
  stateChanges?: readonly StateChange[];
}

export interface AdmittedEvent {
  eventKey: string;
  eventId: string;
  duplicate: boolean;
}

/**
 * Takes source events in — from a webhook or a scheduled task alike: every event of the
 * batch into the inbox in one transaction (the event id is the dedupe key), then a normalize
 * job for each that is new or never reached the queue. Nothing is acknowledged before both.
 * A task's state changes go into the same transaction: if the events cannot be kept, the
 * cursor has not moved and the next run reads them again.
 *
 * Group commit: requests admitted together (the same tick, or while the previous group is
 * being written) share one inbox transaction and one Redis round trip for their jobs; each
 * caller still returns only after its own rows are committed and its jobs queued. A group the
 * database refuses is retried one request at a time (nothing of it was committed), so one
 * request's bad row answers 503 to that request only.
 */
@Injectable()
export class EventAdmission {
  private readonly recording = new GroupCommit<readonly NewInboxEvent[], RecordedEvent[]>((requests) => this.recordTogether(requests), 100);
  private readonly queueing = new GroupCommit<readonly NormalizeJob[]>((requests) => this.queues.enqueueNormalizeAll(requests.flat()), 100);

  constructor(
    private readonly inbox: InboxRepository,
    private readonly queues: HubQueues,
    private readonly logger: HubLogger,
    private readonly metrics: HubMetrics,
  ) {}

  async admit(instance: ConnectorInstance, events: readonly SourceEvent[], receivedAt: Date, options: AdmissionOptions = {}): Promise<AdmittedEvent[]> {
    const { contentType, stateChanges = [] } = options;
    const rows = events.map((event) => ({
      eventId: eventIdFor(instance.id, event.key),
      instanceId: instance.id,
      eventKey: event.key,
      receivedAt,
      body: event.body,
      contentType,
    }));
    // A task's state must commit with its own events, so a run with state changes writes alone.
    const recorded = await this.durably('database', () =>
      stateChanges.length > 0 ? this.recordAlone(rows, (trx) => writeStateChanges(trx, instance.id, stateChanges, receivedAt)) : this.recording.submit(rows),
    );
    // New, or a repeat that may never have reached the queue (Redis was down): queue it. For
    // an event already queued the job id makes this a no-op.
    const toQueue = recorded.filter((r, i) => (r.status === 'queued' || r.status === 'received') && firstOf(recorded, i));
    if (toQueue.length > 0) {
      await this.durably(
        'queue (Redis)',
        () => this.queueing.submit(toQueue.map(({ eventId }) => ({ eventId, instanceId: instance.id }))),
        // The queue refused: `received` lets the stranded-events sweeper find them.
        async () => {
          for (const { eventId } of toQueue) await this.inbox.moveStatus(eventId, 'queued', 'received');
        },
      );
    }
    return recorded.map((r, i) => ({ eventKey: rows[i].eventKey, eventId: r.eventId, duplicate: r.duplicate }));
  }

  private async recordAlone(rows: readonly NewInboxEvent[], alsoInTransaction: Parameters<InboxRepository['recordAll']>[1]): Promise<RecordedEvent[]> {
    const recorded = await this.inbox.recordAll(rows, alsoInTransaction);
    this.metrics.inboxCommits.inc();
    return recorded;
  }

  /** One transaction for the rows of several requests; each request gets back the results of its own rows. */
  private async recordTogether(requests: readonly (readonly NewInboxEvent[])[]): Promise<RecordedEvent[][]> {
    const recorded = await this.inbox.recordAll(requests.flat());
    this.metrics.inboxCommits.inc();
    let next = 0;
    return requests.map((rows) => recorded.slice(next, (next += rows.length)));
  }

  /**
   * Runs a step the acknowledgement depends on; if its backend is down the caller gets
   * HubBackendUnavailableError. `undo` records the failure where it can (best effort: its
   * backend may be down too).
   */
  private async durably<T>(backend: string, step: () => Promise<T>, undo?: () => Promise<void>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      this.logger.pino.warn({ err: error, backend }, 'could not make an event durable');
      await undo?.().catch(() => undefined);
      throw new HubBackendUnavailableError(backend);
    }
  }
}

/** The same event twice in one batch is queued once. */
function firstOf(recorded: { eventId: string }[], index: number): boolean {
  return recorded.findIndex((r) => r.eventId === recorded[index].eventId) === index;
}
