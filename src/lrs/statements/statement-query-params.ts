import { invalidRequest } from '../lrs-errors';
import { isIri, isIsoTimestamp, isUuid, toUtcTimestamp } from '../../xapi/validation';
import type { XapiVersion } from '../../xapi/xapi-version';
import { agentKeyFromParam } from './agent-key';
import { STATEMENT_FORMATS, type StatementFormat } from './statement-format';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

/** The filters of a statement query, as the store applies them. */
export interface StatementQuery {
  agentKey?: string;
  relatedAgents?: boolean;
  verbId?: string;
  activityId?: string;
  relatedActivities?: boolean;
  registration?: string;
  /** stored strictly after (ISO UTC). */
  since?: string;
  /** stored at or before (ISO UTC). */
  until?: string;
  ascending?: boolean;
  /** Only statements this authority wrote (credentials limited to `statements/read/mine`). */
  authorityKey?: string;
  limit: number;
  /** Keyset: continue after this seq (in the query's own order). */
  afterSeq?: number;
}

/** How the reader wants statements back. */
export interface StatementOutput {
  format: StatementFormat;
  attachments: boolean;
}

export type StatementRequest =
  | ({ kind: 'single'; id: string; voided: boolean } & StatementOutput)
  | ({ kind: 'query'; query: StatementQuery } & StatementOutput)
  | { kind: 'more'; token: string };

/** Parameter names are case-sensitive; anything else is refused (Communication §2.1.3). */
const PARAMETERS = new Set([
  'statementId',
  'voidedStatementId',
  'agent',
  'verb',
  'activity',
  'registration',
  'related_activities',
  'related_agents',
  'since',
  'until',
  'limit',
  'format',
  'attachments',
  'ascending',
  'more',
]);
/** What may go with statementId / voidedStatementId (Communication §2.1.3.s2.b2). */
const SINGLE_COMPANIONS = new Set(['statementId', 'voidedStatementId', 'format', 'attachments']);

/**
 * Reads GET /statements parameters into a single-statement request, a query, or a `more`
 * continuation — or a 400 that names the parameter at fault.
 */
export function parseStatementRequest(params: Record<string, string | string[] | undefined>, version: XapiVersion): StatementRequest {
  const names = Object.keys(params).filter((name) => params[name] !== undefined);
  const unknown = names.filter((name) => !PARAMETERS.has(name));
  if (unknown.length > 0) throw invalidRequest(`unknown parameter ${unknown.map((n) => `"${n}"`).join(', ')} (names are case-sensitive)`);
  const value = (name: string): string | undefined => {
    const v = params[name];
    if (Array.isArray(v)) throw invalidRequest(`${name} is given more than once`);
    return v;
  };

  if (value('more') !== undefined) {
    if (names.length > 1) throw invalidRequest('more takes no other parameters');
    return { kind: 'more', token: value('more')! };
  }
  const output: StatementOutput = {
    format: formatParam(value('format')),
    attachments: flag('attachments', value('attachments')),
  };
  const statementId = value('statementId');
  const voidedStatementId = value('voidedStatementId');
  if (statementId !== undefined || voidedStatementId !== undefined) {
    const extra = names.filter((name) => !SINGLE_COMPANIONS.has(name));
    if (statementId !== undefined && voidedStatementId !== undefined) throw invalidRequest('give statementId or voidedStatementId, not both');
    const which = statementId !== undefined ? 'statementId' : 'voidedStatementId';
    if (extra.length > 0) throw invalidRequest(`${which} may only be combined with format and attachments, not ${extra.join(', ')}`);
    const id = (statementId ?? voidedStatementId)!;
    if (!isUuid(id)) throw invalidRequest(`${which} must be a UUID`);
    return { kind: 'single', id: id.toLowerCase(), voided: voidedStatementId !== undefined, ...output };
  }

  const query: StatementQuery = { limit: pageSize(value('limit')) };
  const agent = value('agent');
  if (agent !== undefined) query.agentKey = agentKeyFromParam(agent, version);
  const verb = value('verb');
  if (verb !== undefined) query.verbId = iri('verb', verb);
  const activity = value('activity');
  if (activity !== undefined) query.activityId = iri('activity', activity);
  const registration = value('registration');
  if (registration !== undefined) {
    if (!isUuid(registration)) throw invalidRequest('registration must be a UUID');
    query.registration = registration.toLowerCase();
  }
  const since = value('since');
  if (since !== undefined) query.since = instant('since', since);
  const until = value('until');
  if (until !== undefined) query.until = instant('until', until);
  query.relatedAgents = flag('related_agents', value('related_agents'));
  query.relatedActivities = flag('related_activities', value('related_activities'));
  query.ascending = flag('ascending', value('ascending'));
  return { kind: 'query', query, ...output };
}

function pageSize(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PAGE_SIZE;
  if (!/^\d+$/.test(value)) throw invalidRequest('limit must be a whole number ≥ 0');
  const n = Number(value);
  return n === 0 ? MAX_PAGE_SIZE : Math.min(n, MAX_PAGE_SIZE);
}

function formatParam(value: string | undefined): StatementFormat {
  if (value === undefined) return 'exact';
  if (!(STATEMENT_FORMATS as readonly string[]).includes(value)) throw invalidRequest(`format must be one of ${STATEMENT_FORMATS.join(', ')}`);
  return value as StatementFormat;
}

function iri(name: string, value: string): string {
  if (!isIri(value)) throw invalidRequest(`${name} must be an IRI`);
  return value;
}

function instant(name: string, value: string): string {
  const utc = isIsoTimestamp(value) ? toUtcTimestamp(value) : undefined;
  if (utc === undefined) throw invalidRequest(`${name} must be an ISO 8601 timestamp`);
  return utc;
}

function flag(name: string, value: string | undefined): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw invalidRequest(`${name} must be true or false`);
}
