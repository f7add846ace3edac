import { v5 as uuidv5 } from 'uuid';

/** Namespace of inbox event ids (a fixed random UUID; changing it would break dedupe). */
const EVENT_NAMESPACE = '3f1d6c0e-8a1b-4f7e-9d2c-5b6a7e8f9a01';

/**
 * The inbox's dedupe key: the same source event posted twice to the same instance gets
 * the same id, so the inbox's unique index makes the repeat a no-op.
 */
export function eventIdFor(instanceId: string, eventKey: string): string {
  return uuidv5(`${instanceId}\n${eventKey}`, EVENT_NAMESPACE);
}
