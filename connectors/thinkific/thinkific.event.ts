import { isRecord, RequestRejectedError } from '../../src/connector-sdk';

/** Thinkific's webhook envelope: `{ id, resource, action, tenant_id, created_at, payload }`. */
export interface ThinkificEvent {
  /** Thinkific's own id for the event (e.g. `20190131192004041953291`): the dedupe key. */
  id: string;
  resource: string;
  action: string;
  createdAt?: string;
  payload: Record<string, unknown>;
}

export function readThinkificEvent(value: unknown): ThinkificEvent {
  const raw = isRecord(value) ? value : {};
  const id = typeof raw.id === 'string' || typeof raw.id === 'number' ? String(raw.id) : '';
  const problems = [
    ...(id ? [] : ['id is missing']),
    ...(typeof raw.resource === 'string' && raw.resource ? [] : ['resource is missing']),
    ...(typeof raw.action === 'string' && raw.action ? [] : ['action is missing']),
    ...(isRecord(raw.payload) ? [] : ['payload is missing']),
  ];
  if (problems.length > 0) throw new RequestRejectedError(422, 'the body is not a Thinkific webhook', problems);
  return {
    id,
    resource: raw.resource as string,
    action: raw.action as string,
    ...(typeof raw.created_at === 'string' ? { createdAt: raw.created_at } : {}),
    payload: raw.payload as Record<string, unknown>,
  };
}
