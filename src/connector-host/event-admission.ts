import { Injectable } from '@nestjs/common';
import type { SourceEvent } from '../connector-sdk/connector';
import { eventIdFor } from '../connector-sdk/event-id';
import { HubLogger } from '../observability/hub-logger';
import { HubQueues } from '../queues/hub-queues';
import { InboxRepository } from '../store/inbox.repository';
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
 */
@Injectable()
export class EventAdmission {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly queues: HubQueues,
    private readonly logger: HubLogger,
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
    const writeState = stateChanges.length > 0 ? (trx: Parameters<typeof writeStateChanges>[0]) => writeStateChanges(trx, instance.id, stateChanges, receivedAt) : undefined;
    const recorded = await this.durably('database', () => this.inbox.recordAll(rows, writeState));
    // New, or a repeat that may never have reached the queue (Redis was down): queue it. For
    // an event already queued the job id makes this a no-op.
    const toQueue = recorded.filter((r, i) => (r.status === 'queued' || r.status === 'received') && firstOf(recorded, i));
    for (const [i, { eventId }] of toQueue.entries()) {
      await this.durably(
        'queue (Redis)',
        () => this.queues.enqueueNormalize({ eventId, instanceId: instance.id }),
        // The queue refused: `received` lets the stranded-events sweeper find this one and the rest.
        async () => {
          for (const rest of toQueue.slice(i)) await this.inbox.moveStatus(rest.eventId, 'queued', 'received');
        },
      );
    }
    return recorded.map((r, i) => ({ eventKey: rows[i].eventKey, eventId: r.eventId, duplicate: r.duplicate }));
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
