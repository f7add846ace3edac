import { v5 as uuidv5 } from 'uuid';

/** Namespace of statement ids the hub mints (fixed: changing it would re-send everything as new). */
const STATEMENT_NAMESPACE = '8c4f2b7a-1d3e-4a5b-9c6d-7e8f9a0b1c2d';

/**
 * A statement's id, the same every time the same source event is mapped: UUID v5 of
 * instance + source event key + the statement's position in the mapping's output.
 * A replay therefore re-sends the same ids, and the LRS treats them as no-ops.
 */
export function statementIdFor(instanceId: string, eventKey: string, index: number): string {
  return uuidv5(`${instanceId}\n${eventKey}\n${index}`, STATEMENT_NAMESPACE);
}
