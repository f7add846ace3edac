import { Injectable } from '@nestjs/common';
import type { AcceptedRequest, ConnectorContext, HandshakeReply, InboundRequest, RejectedItem, ReplyShape } from '../connector-sdk/connector';
import { splitResultOf } from '../connector-sdk/dry-run';
import { ConnectorContexts } from '../connector-host/connector-contexts';
import type { ConnectorInstance } from '../connector-host/connector-instances';
import { type AdmittedEvent, EventAdmission } from '../connector-host/event-admission';
import { RequestNotVerifiedError } from './intake.errors';

export type IntakeAnswer =
  | { kind: 'handshake'; reply: HandshakeReply }
  | { kind: 'accepted'; events: AdmittedEvent[]; rejected: AcceptedRequest['rejected']; reply?: ReplyShape };

/**
 * Intake, per request: handshake → verify → split → every event into the inbox in one
 * transaction → a normalize job each → the answer (the connector may shape it). Nothing is
 * acknowledged before the inbox rows exist and their jobs are queued. A request the
 * connector cannot take at all throws RequestRejectedError (its status and reason).
 */
@Injectable()
export class IntakeService {
  constructor(
    private readonly contexts: ConnectorContexts,
    private readonly admission: EventAdmission,
  ) {}

  async accept(instance: ConnectorInstance, request: InboundRequest): Promise<IntakeAnswer> {
    const { connector } = instance;
    const context = this.contexts.contextFor(instance, request.receivedAt);
    const handshake = await connector.handshake?.(request, context);
    if (handshake) return { kind: 'handshake', reply: handshake };

    const verdict = await connector.verify(request, context);
    if (!verdict.ok) throw new RequestNotVerifiedError(verdict.reason);

    const { events, rejected } = await this.splitAndAdmit(instance, request, context);
    const accepted: AcceptedRequest = {
      events: events.map((e) => ({ key: e.eventKey, eventId: e.eventId, duplicate: e.duplicate })),
      rejected,
    };
    const reply = connector.reply?.(accepted, request, context);
    return { kind: 'accepted', events, rejected, ...(reply ? { reply } : {}) };
  }

  /**
   * A file an admin uploads for an instance (`POST /admin/api/instances/:id/upload`): the admin
   * token stood in for the instance's own verification, so this is split → admission only —
   * the same events, keys and dedupe as the hook, without the source's handshake or reply.
   */
  async acceptUpload(instance: ConnectorInstance, request: InboundRequest): Promise<{ events: AdmittedEvent[]; rejected: RejectedItem[] }> {
    return this.splitAndAdmit(instance, request, this.contexts.contextFor(instance, request.receivedAt));
  }

  private async splitAndAdmit(instance: ConnectorInstance, request: InboundRequest, context: ConnectorContext<object>): Promise<{ events: AdmittedEvent[]; rejected: RejectedItem[] }> {
    const split = splitResultOf(await instance.connector.split(request, context));
    const events = await this.admission.admit(instance, split.events, request.receivedAt, { contentType: request.headers['content-type'] });
    return { events, rejected: split.rejected };
  }
}
