import type { Actor } from '../xapi/statement';
import { isIrl, isMailtoIri } from '../xapi/validation/iri';
import { actorOfIdentity } from './identity-key';
import type { Identity } from './identity.types';

/** A person as the admin API or a CSV line describes one, checked. */
export interface PersonInput {
  /** The canonical Agent (mbox or account), with the display name when given. */
  actor: Actor;
  attributes: Record<string, string>;
  /** Further identities; the canonical identifier is always one of the person's too. */
  identities: Identity[];
}

/** PATCH: every part optional; an attribute set to null is removed; `identities` replaces the list. */
export interface PersonPatch {
  actor?: Actor;
  attributes?: Record<string, string | null>;
  identities?: Identity[];
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: string[] };

const MAX_ATTRIBUTE_LENGTH = 500;

/** Checks a POST /admin/api/people body; every problem names its field. */
export function checkPersonInput(body: unknown): Checked<PersonInput> {
  if (!isRecord(body)) return { ok: false, problems: ['body: a JSON object with "actor", optional "attributes" and "identities"'] };
  const problems: string[] = [];
  const actor = checkCanonicalActor(body.actor, 'actor', problems);
  const attributes = body.attributes === undefined ? {} : checkAttributes(body.attributes, false, problems);
  const identities = body.identities === undefined ? [] : checkIdentities(body.identities, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: { actor: actor!, attributes: attributes as Record<string, string>, identities } };
}

/** Checks a PATCH /admin/api/people/:id body. */
export function checkPersonPatch(body: unknown): Checked<PersonPatch> {
  if (!isRecord(body)) return { ok: false, problems: ['body: a JSON object with any of "actor", "attributes", "identities"'] };
  const problems: string[] = [];
  const patch: PersonPatch = {};
  for (const key of Object.keys(body)) if (!['actor', 'attributes', 'identities'].includes(key)) problems.push(`${key}: not a field of a person`);
  if (body.actor !== undefined) patch.actor = checkCanonicalActor(body.actor, 'actor', problems);
  if (body.attributes !== undefined) patch.attributes = checkAttributes(body.attributes, true, problems);
  if (body.identities !== undefined) patch.identities = checkIdentities(body.identities, problems);
  return problems.length > 0 ? { ok: false, problems } : { ok: true, value: patch };
}

/** One identity: `{mbox}`, `{mbox_sha1sum}`, `{openid}`, `{account:{homePage,name}}` or `{source,id}`. */
export function checkIdentity(value: unknown, path: string, problems: string[]): Identity | undefined {
  const before = problems.length;
  if (!isRecord(value)) {
    problems.push(`${path}: an object such as {"mbox":"mailto:…"}, {"account":{"homePage","name"}} or {"source","id"}`);
    return undefined;
  }
  const kinds = ['mbox', 'mbox_sha1sum', 'openid', 'account', 'source'].filter((k) => value[k] !== undefined);
  if (kinds.length !== 1) {
    problems.push(`${path}: exactly one of mbox, mbox_sha1sum, openid, account, or source with id (found ${kinds.join(', ') || 'none'})`);
    return undefined;
  }
  const kind = kinds[0];
  if (kind === 'mbox' && !isMailtoIri(value.mbox)) problems.push(`${path}.mbox: a mailto: address, e.g. "mailto:ana@example.org"`);
  if (kind === 'mbox_sha1sum' && !(typeof value.mbox_sha1sum === 'string' && /^[0-9a-fA-F]{40}$/.test(value.mbox_sha1sum))) {
    problems.push(`${path}.mbox_sha1sum: 40 hexadecimal digits`);
  }
  if (kind === 'openid' && !isIrl(value.openid)) problems.push(`${path}.openid: an absolute URI`);
  if (kind === 'account') {
    const account = value.account;
    if (!isRecord(account)) problems.push(`${path}.account: an object with homePage and name`);
    else {
      if (!isIrl(account.homePage)) problems.push(`${path}.account.homePage: an absolute URL, e.g. "https://acme.slack.com"`);
      if (!nonEmpty(account.name)) problems.push(`${path}.account.name: a non-empty string`);
    }
  }
  if (kind === 'source') {
    if (!nonEmpty(value.source)) problems.push(`${path}.source: the connector instance id`);
    if (!nonEmpty(value.id) && typeof value.id !== 'number') problems.push(`${path}.id: the source's user id`);
  }
  if (problems.length > before) return undefined;
  if (kind === 'account') {
    const account = value.account as { homePage: string; name: string };
    return { account: { homePage: account.homePage, name: account.name } };
  }
  if (kind === 'source') return { source: value.source as string, id: String(value.id) };
  return { [kind]: value[kind] } as Identity;
}

function checkCanonicalActor(value: unknown, path: string, problems: string[]): Actor | undefined {
  if (!isRecord(value)) {
    problems.push(`${path}: required, an Agent with an mbox or an account, e.g. {"mbox":"mailto:ana@acme.example","name":"Ana Lima"}`);
    return undefined;
  }
  if (value.mbox === undefined && value.account === undefined) {
    problems.push(`${path}: the canonical identifier must be an mbox or an account`);
    return undefined;
  }
  if (value.name !== undefined && !nonEmpty(value.name)) problems.push(`${path}.name: a non-empty string`);
  const { name: _name, objectType: _type, ...identifier } = value;
  const identity = checkIdentity(identifier, path, problems);
  return identity && actorOfIdentity(identity, typeof value.name === 'string' ? value.name.trim() : undefined);
}

function checkAttributes(value: unknown, allowNull: boolean, problems: string[]): Record<string, string | null> {
  if (!isRecord(value)) {
    problems.push('attributes: an object of strings, e.g. {"team":"Sales"}');
    return {};
  }
  const out: Record<string, string | null> = {};
  for (const [key, v] of Object.entries(value)) {
    if (!/^[A-Za-z][A-Za-z0-9_-]{0,62}$/.test(key)) problems.push(`attributes.${key}: names are letters, digits, "-" or "_" (at most 63)`);
    else if (v === null && allowNull) out[key] = null;
    else if (typeof v !== 'string' || v.length > MAX_ATTRIBUTE_LENGTH) problems.push(`attributes.${key}: a string of at most ${MAX_ATTRIBUTE_LENGTH} characters${allowNull ? ', or null to remove it' : ''}`);
    else out[key] = v;
  }
  return out;
}

function checkIdentities(value: unknown, problems: string[]): Identity[] {
  if (!Array.isArray(value)) {
    problems.push('identities: an array of identities');
    return [];
  }
  return value.flatMap((item, i) => checkIdentity(item, `identities[${i}]`, problems) ?? []);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function nonEmpty(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}
