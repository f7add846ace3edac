import { Injectable } from '@nestjs/common';
import type { AcceptedRequest, HandshakeReply, InboundRequest, ReplyShape } from '../connector-sdk/connector';
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

    const split = splitResultOf(await connector.split(request, context));
    const events = await this.admission.admit(instance, split.events, request.receivedAt, { contentType: request.headers['content-type'] });
    const accepted: AcceptedRequest = {
      events: events.map((e) => ({ key: e.eventKey, eventId: e.eventId, duplicate: e.duplicate })),
      rejected: split.rejected,
    };
    const reply = connector.reply?.(accepted, request, context);
    return { kind: 'accepted', events, rejected: split.rejected, ...(reply ? { reply } : {}) };
  }
}
