import { isRecord, RequestRejectedError } from '../../src/connector-sdk';

/**
 * A Coassemble webhook body (https://developers.coassemble.com/webhooks):
 * `{ id, type, occurredAt, workspaceId, data: { course, tracking } }`.
 */
export interface CoassembleEvent {
  id: string;
  type: string;
  occurredAt?: string;
  workspaceId?: string;
  course: Record<string, unknown>;
  tracking: Record<string, unknown>;
}

export function readCoassembleEvent(value: unknown, deliveryId?: string): CoassembleEvent {
  const raw = isRecord(value) ? value : {};
  const id = typeof raw.id === 'string' && raw.id !== '' ? raw.id : deliveryId;
  const problems = [...(id ? [] : ['id is missing (and no X-Coassemble-Delivery header)']), ...(typeof raw.type === 'string' && raw.type ? [] : ['type is missing'])];
  if (problems.length > 0) throw new RequestRejectedError(422, 'the body is not a Coassemble webhook', problems);
  const data = isRecord(raw.data) ? raw.data : {};
  return {
    id: id as string,
    type: raw.type as string,
    ...(typeof raw.occurredAt === 'string' ? { occurredAt: raw.occurredAt } : {}),
    ...(raw.workspaceId !== undefined && raw.workspaceId !== null ? { workspaceId: String(raw.workspaceId) } : {}),
    course: isRecord(data.course) ? data.course : {},
    tracking: isRecord(data.tracking) ? data.tracking : {},
  };
}
