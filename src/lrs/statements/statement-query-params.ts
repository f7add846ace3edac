import { badRequest } from '../../http/http-errors';
import { validateAgent } from '../../xapi/validation';
import type { Actor } from '../../xapi/statement';
import type { XapiVersion } from '../../xapi/xapi-version';
import { agentKey } from './agent-key';
import type { StatementQuery } from './statement-store';

export const DEFAULT_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

/** Turns GET /statements query parameters into a store query, or a 400 naming the bad one. */
export function parseStatementQuery(params: Record<string, string | undefined>, version: XapiVersion): StatementQuery {
  const query: StatementQuery = { limit: pageSize(params.limit) };
  if (params.agent !== undefined) query.agentKey = parseAgentKey(params.agent, version);
  if (params.verb !== undefined) query.verbId = params.verb;
  if (params.activity !== undefined) query.activityId = params.activity;
  if (params.registration !== undefined) query.registration = params.registration;
  if (params.since !== undefined) query.since = instant('since', params.since);
  if (params.until !== undefined) query.until = instant('until', params.until);
  query.relatedAgents = flag('related_agents', params.related_agents);
  query.relatedActivities = flag('related_activities', params.related_activities);
  query.ascending = flag('ascending', params.ascending);
  return query;
}

function pageSize(value: string | undefined): number {
  if (value === undefined) return DEFAULT_PAGE_SIZE;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw badRequest('limit must be a whole number ≥ 0');
  return n === 0 ? MAX_PAGE_SIZE : Math.min(n, MAX_PAGE_SIZE);
}

function parseAgentKey(value: string, version: XapiVersion): string {
  let agent: unknown;
  try {
    agent = JSON.parse(value);
  } catch {
    throw badRequest('agent must be a JSON Agent or identified Group, e.g. {"mbox":"mailto:ana@example.org"}');
  }
  const issues = validateAgent(agent, version, 'agent');
  if (issues.length > 0) throw badRequest('agent is not a valid Agent or Group', issues.map((i) => `${i.path}: ${i.reason}`));
  const key = agentKey(agent as Actor);
  if (!key) throw badRequest('agent must carry an identifier (mbox, mbox_sha1sum, openid or account)');
  return key;
}

function instant(name: string, value: string): string {
  const time = new Date(value);
  if (Number.isNaN(time.getTime())) throw badRequest(`${name} must be an ISO 8601 timestamp`);
  return time.toISOString();
}

function flag(name: string, value: string | undefined): boolean {
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw badRequest(`${name} must be true or false`);
}
