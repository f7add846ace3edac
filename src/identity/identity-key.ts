import type { Actor } from '../xapi/statement';
import type { Identity } from './identity.types';

/**
 * The normalised key of an identity: two identities are the same identifier exactly when
 * their keys are equal. E-mail addresses compare case-insensitively (`mailto:` added when
 * missing), hashes in lower case, an account's homePage without a trailing slash and with a
 * lower-case scheme and host; account names, OpenIDs and source ids exactly as given (Slack's
 * `U07ANA` and `u07ana` are different users). Display names are never part of a key.
 */
export function identityKey(identity: Identity): string {
  if ('mbox' in identity) return `mbox:${normalMbox(identity.mbox)}`;
  if ('mbox_sha1sum' in identity) return `mbox_sha1sum:${identity.mbox_sha1sum.trim().toLowerCase()}`;
  if ('openid' in identity) return `openid:${identity.openid.trim()}`;
  if ('account' in identity) return `account:${normalHomePage(identity.account.homePage)}|${identity.account.name.trim()}`;
  return `source:${identity.source.trim()}|${identity.id.trim()}`;
}

/** `mailto:` + the address in lower case: how the directory stores and compares e-mail. */
export function normalMbox(mbox: string): string {
  return `mailto:${mbox.trim().replace(/^mailto:/i, '').toLowerCase()}`;
}

function normalHomePage(homePage: string): string {
  const trimmed = homePage.trim().replace(/\/+$/, '');
  return trimmed.replace(/^([a-z][a-z0-9+.-]*:\/\/[^/?#]*)/i, (prefix) => prefix.toLowerCase());
}

/** The actor's own identifier as an Identity, or undefined for an anonymous Group. */
export function identityOfActor(actor: Actor | undefined): Identity | undefined {
  if (!actor) return undefined;
  if (actor.mbox) return { mbox: actor.mbox };
  if (actor.mbox_sha1sum) return { mbox_sha1sum: actor.mbox_sha1sum };
  if (actor.openid) return { openid: actor.openid };
  if (actor.account) return { account: { homePage: actor.account.homePage, name: actor.account.name } };
  return undefined;
}

/**
 * The keys an actor a connector produced may be known by, most specific first: its own
 * identifier, and — for an account — the source's user id under the instance that sent it
 * (a BambooHR connector writing `account { name: "377" }` is BambooHR's employee 377).
 */
export function actorLookupKeys(actor: Actor | undefined, instanceId: string): string[] {
  const identity = identityOfActor(actor);
  if (!identity) return [];
  const keys = [identityKey(identity)];
  if ('account' in identity) keys.push(identityKey({ source: instanceId, id: identity.account.name }));
  return keys;
}

/** The Agent an identity stands for, when it is an xAPI identifier (a source id is not). */
export function actorOfIdentity(identity: Identity, name?: string): Actor | undefined {
  if ('source' in identity) return undefined;
  const actor: Actor = { objectType: 'Agent' };
  if (name) actor.name = name;
  if ('mbox' in identity) actor.mbox = normalMbox(identity.mbox);
  else if ('mbox_sha1sum' in identity) actor.mbox_sha1sum = identity.mbox_sha1sum.trim().toLowerCase();
  else if ('openid' in identity) actor.openid = identity.openid.trim();
  else actor.account = { homePage: identity.account.homePage.trim(), name: identity.account.name.trim() };
  return actor;
}

/** The identity as the directory stores it: e-mail normalised, everything else trimmed. */
export function normalIdentity(identity: Identity): Identity {
  if ('mbox' in identity) return { mbox: normalMbox(identity.mbox) };
  if ('mbox_sha1sum' in identity) return { mbox_sha1sum: identity.mbox_sha1sum.trim().toLowerCase() };
  if ('openid' in identity) return { openid: identity.openid.trim() };
  if ('account' in identity) return { account: { homePage: identity.account.homePage.trim(), name: identity.account.name.trim() } };
  return { source: identity.source.trim(), id: identity.id.trim() };
}
