import type { Actor } from '../../xapi/statement';

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
