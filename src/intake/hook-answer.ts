import type { RejectedItem } from '../connector-sdk/connector';
import type { AdmittedEvent } from '../connector-host/event-admission';

export interface HookAnswerBody {
  /** Present when the request made exactly one event: the documented `{ eventId, duplicate }`. */
  eventId?: string;
  duplicate?: boolean;
  events: AdmittedEvent[];
  rejected: RejectedItem[];
}

/**
 * The 202 body: `events` (key, id, duplicate) and `rejected` parts always; a request that
 * made exactly one event also keeps the top-level `eventId` and `duplicate` sources and
 * scripts already read.
 */
export function hookAnswerBody(events: AdmittedEvent[], rejected: RejectedItem[]): HookAnswerBody {
  if (events.length === 1) return { eventId: events[0].eventId, duplicate: events[0].duplicate, events, rejected };
  return { events, rejected };
}
