import { invalidRequest } from '../lrs-errors';
import type { Actor } from '../../xapi/statement';
import { validateAgent } from '../../xapi/validation';
import type { XapiVersion } from '../../xapi/xapi-version';

/**
 * A canonical string for an Agent or identified Group's inverse functional identifier:
 * two actors are the same learner exactly when their keys are equal (xAPI 1.0.3 §2.4.2.3).
 * Anonymous groups have no key.
 */
export function agentKey(actor: Actor | undefined): string | undefined {
  if (!actor) return undefined;
  if (actor.mbox) return `mbox:${actor.mbox}`;
  if (actor.mbox_sha1sum) return `mbox_sha1sum:${actor.mbox_sha1sum.toLowerCase()}`;
  if (actor.openid) return `openid:${actor.openid}`;
  if (actor.account) return `account:${actor.account.homePage}|${actor.account.name}`;
  return undefined;
}

/**
 * The `agent` query parameter of the Statement, State, Agent Profile and Agents resources:
 * a JSON Agent or identified Group, reduced to its key; a 400 naming the problem otherwise.
 */
export function agentKeyFromParam(value: string | undefined, version: XapiVersion): string {
  if (value === undefined) throw invalidRequest('missing the agent parameter');
  let agent: unknown;
  try {
    agent = JSON.parse(value);
  } catch {
    throw invalidRequest('agent must be a JSON Agent or identified Group, e.g. {"mbox":"mailto:ana@example.org"}');
  }
  const issues = validateAgent(agent, version, 'agent');
  if (issues.length > 0) throw invalidRequest('agent is not a valid Agent or Group', issues.map((i) => `${i.path}: ${i.reason}`));
  const key = agentKey(agent as Actor);
  if (!key) throw invalidRequest('agent must carry an identifier (mbox, mbox_sha1sum, openid or account), not be an anonymous Group');
  return key;
}
