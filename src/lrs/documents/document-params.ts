import { invalidRequest } from '../lrs-errors';
import { isIsoTimestamp, isUuid, toUtcTimestamp, validateActivityId } from '../../xapi/validation';
import type { XapiVersion } from '../../xapi/xapi-version';
import { agentKeyFromParam } from '../statements/agent-key';
import type { DocumentAddress, DocumentKind, DocumentScope } from './document-address';

export type QueryParams = Record<string, unknown>;

/** What a document request's query parameters name: one document, or a set of them. */
export type DocumentTarget =
  | { single: DocumentAddress }
  | { multiple: DocumentScope; since?: string };

interface ResourceShape {
  /** The parameter naming one document. */
  idParam: 'stateId' | 'profileId';
  needsActivity: boolean;
  needsAgent: boolean;
  allowsRegistration: boolean;
}

const RESOURCES: Record<DocumentKind, ResourceShape> = {
  // xAPI 1.0.3 Communication §2.3: activityId, agent, registration?, stateId, since?
  state: { idParam: 'stateId', needsActivity: true, needsAgent: true, allowsRegistration: true },
  // §2.7: activityId, profileId, since?
  activity_profile: { idParam: 'profileId', needsActivity: true, needsAgent: false, allowsRegistration: false },
  // §2.6: agent, profileId, since?
  agent_profile: { idParam: 'profileId', needsActivity: false, needsAgent: true, allowsRegistration: false },
};

/**
 * `method` may be left over from the 1.0.3 alternate request syntax (Communication §1.3),
 * which another layer turns into an ordinary request.
 */
const ALWAYS_ALLOWED = new Set(['method']);

export type DocumentMethod = 'GET' | 'PUT' | 'POST' | 'DELETE';

/**
 * Reads and checks a document resource's query parameters, or throws a 400 naming the bad
 * one. Names are case-sensitive and unknown ones are refused, so a typo (`StateId`) cannot
 * silently turn a single-document DELETE into a delete-all.
 */
export function parseDocumentTarget(kind: DocumentKind, method: DocumentMethod, params: QueryParams, version: XapiVersion): DocumentTarget {
  const shape = RESOURCES[kind];
  const allowed = new Set(['since', shape.idParam, ...(shape.needsActivity ? ['activityId'] : []), ...(shape.needsAgent ? ['agent'] : [])]);
  if (shape.allowsRegistration) allowed.add('registration');
  for (const name of Object.keys(params)) {
    if (!allowed.has(name) && !ALWAYS_ALLOWED.has(name)) {
      throw invalidRequest(`unknown parameter "${name}"`, [`this resource takes: ${[...allowed].join(', ')} (names are case-sensitive)`]);
    }
  }

  const activityId = shape.needsActivity ? parseActivityId(single(params, 'activityId')) : '';
  const key = shape.needsAgent ? agentKeyFromParam(single(params, 'agent'), version) : '';
  const registration = shape.allowsRegistration ? parseRegistration(single(params, 'registration')) : undefined;
  const documentId = single(params, shape.idParam);
  const since = single(params, 'since');

  if (documentId === undefined) {
    // §2.3/§2.6/§2.7: PUT and POST always address one document; only State deletes many at once.
    if (method === 'PUT' || method === 'POST' || (method === 'DELETE' && kind !== 'state')) {
      throw invalidRequest(`${method} needs the ${shape.idParam} parameter`);
    }
    if (since !== undefined && method === 'DELETE') throw invalidRequest('since is only allowed on GET');
    return {
      multiple: { kind, activityId, agentKey: key, registration },
      since: since === undefined ? undefined : parseSince(since),
    };
  }
  if (since !== undefined) {
    // The spec leaves since on a single-document GET without meaning; check it is well formed anyway.
    parseSince(since);
  }
  return { single: { kind, activityId, agentKey: key, registration: registration ?? '', documentId } };
}

function single(params: QueryParams, name: string): string | undefined {
  const value = params[name];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalidRequest(`${name} must be given once`);
  return value;
}

function parseActivityId(value: string | undefined): string {
  if (value === undefined) throw invalidRequest('missing the activityId parameter');
  const issues = validateActivityId(value, 'activityId');
  if (issues.length > 0) throw invalidRequest('activityId must be an IRI', issues.map((i) => `${i.path}: ${i.reason}`));
  return value;
}

function parseRegistration(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (!isUuid(value)) throw invalidRequest('registration must be a UUID');
  return value.toLowerCase();
}

function parseSince(value: string): string {
  const utc = isIsoTimestamp(value) ? toUtcTimestamp(value) : undefined;
  if (utc === undefined) throw invalidRequest('since must be an ISO 8601 timestamp, e.g. 2024-05-04T12:00:00.000Z');
  return utc;
}
