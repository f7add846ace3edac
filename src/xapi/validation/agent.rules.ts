/**
 * Agents and Groups (xAPI 1.0.3 §2.4.2; IEEE 9274.1.1 §4.2.2.1), wherever they appear:
 * actor, authority, object, context.instructor/team, contextAgents/contextGroups, members,
 * and the `agent` parameter of the LRS resources.
 */
import type { XapiVersion } from '../xapi-version';
import { checkArray, checkIrl, checkObject, checkString } from './common.rules';
import { isMailtoIri, isUri } from './iri';
import {
  checkProperties,
  child,
  isRecord,
  item,
  mustBe,
  newContext,
  report,
  requireProperty,
  shape,
  type JsonRecord,
  type RuleContext,
  type ValidationIssue,
} from './issues';
import { isSha1Hex } from './primitives';

export type ActorKind = 'Agent' | 'Group';

/** The inverse functional identifiers (xAPI 1.0.3 §2.4.2.3), in the order reasons list them. */
export const IFI_PROPERTIES = ['mbox', 'mbox_sha1sum', 'openid', 'account'] as const;
const IFI_LIST = 'mbox, mbox_sha1sum, openid or account';

const AGENT = shape('an Agent', ['objectType', 'name', ...IFI_PROPERTIES], {
  member: 'is only allowed on a Group; add "objectType": "Group" if this is a Group',
});
const GROUP = shape('a Group', ['objectType', 'name', 'member', ...IFI_PROPERTIES]);
const ACCOUNT = shape('an account', ['homePage', 'name']);

export interface ActorRole {
  /** Which kinds this position accepts. */
  readonly accepts: ActorKind | 'Agent or Group';
  /** How reasons name the position, e.g. "context.team". */
  readonly label: string;
}

/** The IFIs present on an Agent or Group (present = not undefined; null is reported elsewhere). */
export function presentIfis(actor: JsonRecord): string[] {
  return IFI_PROPERTIES.filter((key) => actor[key] !== undefined);
}

/**
 * Validates an Agent or Group and returns which one it is, or undefined when it is not even
 * recognisably either (not an object, or an objectType that is neither "Agent" nor "Group").
 */
export function checkActor(ctx: RuleContext, value: unknown, path: string, role: ActorRole): ActorKind | undefined {
  if (!checkObject(ctx, value, path, article(role.accepts))) return undefined;
  const kind = actorKind(ctx, value, path, role);
  if (kind === undefined) return undefined;

  if (role.accepts !== 'Agent or Group' && role.accepts !== kind) {
    const fix = role.accepts === 'Group' ? 'set "objectType": "Group" and describe the Group' : 'use an Agent';
    report(ctx, child(path, 'objectType'), `${role.label} must be ${article(role.accepts)}, not ${article(kind)}; ${fix}`);
  }

  checkProperties(ctx, value, path, kind === 'Group' ? GROUP : AGENT);
  if (value.name !== undefined) checkString(ctx, value.name, child(path, 'name'));

  const ifis = presentIfis(value);
  for (const ifi of ifis) checkIfi(ctx, ifi, value[ifi], child(path, ifi));

  // §2.4.2.1.s2.b1-b2, §2.4.2.2.s5.b1: exactly one IFI for Agents and Identified Groups.
  if (ifis.length > 1) {
    report(ctx, path, `${article(kind)} must have exactly one inverse functional identifier, found ${ifis.join(', ')}; keep one`);
  } else if (ifis.length === 0 && kind === 'Agent') {
    report(ctx, path, `an Agent must be identified by exactly one of ${IFI_LIST}`);
  }

  if (kind === 'Group') checkMembers(ctx, value, path, ifis.length === 0);
  return kind;
}

function actorKind(ctx: RuleContext, actor: JsonRecord, path: string, role: ActorRole): ActorKind | undefined {
  const objectType = actor.objectType;
  if (objectType === undefined || objectType === 'Agent') return 'Agent';
  if (objectType === 'Group') return 'Group';
  const where = child(path, 'objectType');
  if (typeof objectType !== 'string') {
    report(ctx, where, mustBe('"Agent" or "Group"', objectType));
  } else if (objectType.toLowerCase() === 'agent' || objectType.toLowerCase() === 'group') {
    report(ctx, where, 'must be exactly "Agent" or "Group"; objectType values are case-sensitive');
  } else {
    report(ctx, where, `must be "Agent" or "Group" for ${role.label}`);
  }
  return undefined;
}

// §2.4.2.2.s4, §2.4.2.2.s5.b2: members are Agents; an Anonymous Group must list them.
function checkMembers(ctx: RuleContext, group: JsonRecord, path: string, anonymous: boolean): void {
  const where = child(path, 'member');
  if (group.member === undefined) {
    if (anonymous) report(ctx, where, `is required for an anonymous Group (a Group without ${IFI_LIST})`);
    return;
  }
  if (!checkArray(ctx, group.member, where, 'an array of Agents')) return;
  if (anonymous && group.member.length === 0) {
    report(ctx, where, 'must list at least one Agent for an anonymous Group');
  }
  group.member.forEach((member, i) => {
    checkActor(ctx, member, item(where, i), { accepts: 'Agent', label: 'a Group member' });
  });
}

function checkIfi(ctx: RuleContext, ifi: string, value: unknown, path: string): void {
  switch (ifi) {
    case 'mbox':
      if (checkString(ctx, value, path) && !isMailtoIri(value)) {
        report(ctx, path, 'must be a "mailto:" IRI with one email address, such as "mailto:ada@example.com"');
      }
      return;
    case 'mbox_sha1sum':
      if (checkString(ctx, value, path) && !isSha1Hex(value)) {
        report(ctx, path, 'must be the 40-character hex SHA-1 of a mailto IRI');
      }
      return;
    case 'openid':
      if (checkString(ctx, value, path) && !isUri(value)) {
        report(ctx, path, 'must be an absolute URI with a scheme, such as "https://openid.example.com/ada"');
      }
      return;
    case 'account':
      checkAccount(ctx, value, path);
      return;
  }
}

// §2.4.2.4: {homePage: IRL, name: string}, both required.
function checkAccount(ctx: RuleContext, value: unknown, path: string): void {
  if (!checkObject(ctx, value, path, 'an account {"homePage": IRL, "name": string}')) return;
  checkProperties(ctx, value, path, ACCOUNT);
  if (requireProperty(ctx, value, 'homePage', path, 'an account')) checkIrl(ctx, value.homePage, child(path, 'homePage'));
  if (requireProperty(ctx, value, 'name', path, 'an account')) checkString(ctx, value.name, child(path, 'name'));
}

/**
 * xAPI 1.0.3 §2.4.9.s3.b1, §2.4.9.s7: the authority is an Agent, or — for 3-legged OAuth — an
 * anonymous Group of exactly two Agents, one of them the OAuth consumer identified by account.
 */
export function checkAuthority(ctx: RuleContext, value: unknown, path: string): void {
  const kind = checkActor(ctx, value, path, { accepts: 'Agent or Group', label: 'the authority' });
  if (kind !== 'Group' || !isRecord(value)) return;
  const ifis = presentIfis(value);
  if (ifis.length > 0) {
    report(ctx, path, `an authority Group stands for an OAuth application and user and must be anonymous; remove ${ifis.join(', ')}`);
  }
  const members = value.member;
  if (!Array.isArray(members)) return;
  if (members.length !== 2) {
    report(ctx, child(path, 'member'), `an authority Group must have exactly two Agents (the OAuth application and the user), found ${members.length}`);
    return;
  }
  if (!members.some((m) => isRecord(m) && m.account !== undefined)) {
    report(ctx, child(path, 'member'), 'one member of an authority Group must be the OAuth consumer, identified by "account"');
  }
}

function article(kind: ActorKind | 'Agent or Group'): string {
  return kind === 'Group' ? 'a Group' : `an ${kind}`;
}

/**
 * Validates an Agent or Group on its own, e.g. the `agent` parameter of the State, Agents and
 * Agent Profile resources (xAPI 1.0.3 Communication §2.2.s4.b4: same rules as in Statements).
 */
export function validateAgent(agent: unknown, version: XapiVersion, path = 'agent'): ValidationIssue[] {
  const ctx = newContext(version);
  checkActor(ctx, agent, path, { accepts: 'Agent or Group', label: `"${path}"` });
  return ctx.issues;
}
