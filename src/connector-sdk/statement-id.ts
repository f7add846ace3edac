import { v5 as uuidv5 } from 'uuid';
import type { Actor, Statement } from '../xapi/statement';
import { ADL_VERBS } from './helpers/verbs';

/** Namespace of statement ids the hub mints (fixed: changing it would re-send everything as new). */
const STATEMENT_NAMESPACE = '8c4f2b7a-1d3e-4a5b-9c6d-7e8f9a0b1c2d';

/**
 * A statement's id, the same every time the same source event is mapped: UUID v5 of
 * instance + source event key + the connector's sub-key for the statement (a position
 * written as a number gives the ids the hub minted before sub-keys existed).
 * A replay therefore re-sends the same ids, and the LRS treats them as no-ops.
 */
export function statementIdFor(instanceId: string, eventKey: string, subKey: string | number): string {
  return uuidv5(`${instanceId}\n${eventKey}\n${subKey}`, STATEMENT_NAMESPACE);
}

/**
 * A statement that voids one this instance sent earlier (xAPI 1.0.3 §2.2.3: verb `voided`,
 * object a StatementRef). `target` names the earlier statement by the event key and sub-key
 * it was minted from; the voiding statement's own sub-key is `void:` + that sub-key.
 */
export function voidingStatement(
  instanceId: string,
  target: { eventKey: string; subKey: string },
  actor: Actor,
  timestamp: string,
): { subKey: string; statement: Statement } {
  return {
    subKey: `void:${target.eventKey}:${target.subKey}`,
    statement: {
      actor,
      verb: ADL_VERBS.voided,
      object: { objectType: 'StatementRef', id: statementIdFor(instanceId, target.eventKey, target.subKey) },
      timestamp,
    },
  };
}
