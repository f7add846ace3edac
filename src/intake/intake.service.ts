import { Inject, Injectable } from '@nestjs/common';
import type { HandshakeReply, InboundRequest } from '../connector-sdk/connector';
import { MappingError } from '../connector-sdk/connector';
import type { ConnectorInstance } from '../connector-sdk/connector-instances';
import { JsonataEvaluationError, JsonataSandbox, JsonataTimeoutError } from '../connector-sdk/jsonata';
import { HUB_RUNTIME, type HubRuntime } from '../hub-runtime';
import { HttpProblem, serviceUnavailable } from '../http/http-errors';
import { HubLogger } from '../observability/hub-logger';
import { HubMetrics } from '../observability/hub-metrics';
import { HubQueues } from '../queues/hub-queues';
import { eventIdFor } from '../connector-sdk/event-id';
import { InboxRepository } from '../store/inbox.repository';

export type IntakeAnswer =
  | { kind: 'handshake'; reply: HandshakeReply }
  | { kind: 'accepted'; eventId: string; duplicate: boolean };

/**
 * Intake: find the instance, answer handshakes, verify, make the event durable, enqueue.
 * Nothing is acknowledged before the inbox row exists and the normalize job is queued.
 */
@Injectable()
export class IntakeService {
  constructor(
    @Inject(HUB_RUNTIME) private readonly runtime: HubRuntime,
    private readonly inbox: InboxRepository,
    private readonly queues: HubQueues,
    private readonly sandbox: JsonataSandbox,
    private readonly metrics: HubMetrics,
    private readonly logger: HubLogger,
  ) {}

  async accept(instanceId: string, request: InboundRequest): Promise<IntakeAnswer> {
    const instance = this.runtime.instances.get(instanceId);
    if (!instance || !instance.enabled) {
      throw new HttpProblem(404, `no connector instance "${instanceId}" is configured (or it is disabled)`);
    }
    this.metrics.eventsReceived.inc({ instance: instance.id });
    try {
      return await this.acceptFor(instance, request);
    } catch (error) {
      if (error instanceof HttpProblem) this.metrics.eventsRejected.inc({ instance: instance.id, reason: String(error.status) });
      throw error;
    }
  }

  private async acceptFor(instance: ConnectorInstance, request: InboundRequest): Promise<IntakeAnswer> {
    const { connector, config } = instance;
    const reply = connector.handshake?.(request, config);
    if (reply) return { kind: 'handshake', reply };

    const verdict = connector.verify(request, config);
    if (!verdict.ok) throw new HttpProblem(401, `request not verified: ${verdict.reason}`);
    if (request.body === undefined) {
      throw new HttpProblem(415, 'the body must be JSON, sent with Content-Type: application/json');
    }

    const eventKey = await this.eventKeyOf(instance, request);
    const eventId = eventIdFor(instance.id, eventKey);
    const { duplicate, status } = await this.durably('database', () =>
      this.inbox.record({
        eventId,
        instanceId: instance.id,
        eventKey,
        receivedAt: request.receivedAt,
        rawBody: request.rawBody,
        contentType: request.headers['content-type'],
      }),
    );
    // New, or a repeat that may never have reached the queue (Redis was down): queue it. For
    // an event already queued the job id makes this a no-op.
    if (status === 'queued' || status === 'received') {
      await this.durably('queue (Redis)', () => this.queues.enqueueNormalize({ eventId, instanceId: instance.id }), () =>
        // The queue refused it: `received` lets the stranded-events sweeper find it.
        this.inbox.moveStatus(eventId, 'queued', 'received'),
      );
    }
    this.metrics.eventsAccepted.inc({ instance: instance.id, duplicate: String(duplicate) });
    return { kind: 'accepted', eventId, duplicate };
  }

  private async eventKeyOf(instance: ConnectorInstance, request: InboundRequest): Promise<string> {
    try {
      return await instance.connector.eventKey(request.body, request, {
        instanceId: instance.id,
        config: instance.config,
        expressions: this.sandbox,
      });
    } catch (error) {
      if (error instanceof MappingError || error instanceof JsonataEvaluationError || error instanceof JsonataTimeoutError) {
        throw new HttpProblem(422, `cannot take the event's key: ${error.message}`);
      }
      throw error;
    }
  }

  /**
   * Runs a step the acknowledgement depends on; if its backend is down the source gets 503
   * and retries. `undo` records the failure where it can (best effort: its backend may be down too).
   */
  private async durably<T>(backend: string, step: () => Promise<T>, undo?: () => Promise<void>): Promise<T> {
    try {
      return await step();
    } catch (error) {
      this.logger.pino.warn({ err: error, backend }, 'intake could not make an event durable');
      await undo?.().catch(() => undefined);
      throw serviceUnavailable(`the hub's ${backend} is unavailable; nothing was accepted, retry later`);
    }
  }
}
