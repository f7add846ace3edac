import type { Identity } from '../identity.types';

/** One identifier to look for in stored raw text (a webhook body, a quarantined statement). */
export interface RawMatcher {
  /** Only rows of this instance (a source's user id means nothing elsewhere). */
  instanceId?: string;
  /** Lower-case text every matching row contains: the database's cheap pre-filter (LIKE). */
  needle: string;
  /** The exact test on a candidate's text. */
  test(text: string): boolean;
}

/**
 * How each identifier shows in a raw payload. E-mail addresses, OpenIDs and hashes are
 * distinctive: found anywhere in the text, ignoring case (an address in a message body counts).
 * Account names and source ids are short and may be digits ("377"): they must be a whole JSON
 * value (string or number) of the payload — or, in a payload that is not JSON (CSV, form), a
 * whole token — so an erasure never takes events that merely contain the digits.
 */
export function rawMatchersFor(identities: readonly Identity[]): RawMatcher[] {
  return identities.map((identity): RawMatcher => {
    if ('mbox' in identity) return substring(identity.mbox.replace(/^mailto:/i, ''));
    if ('mbox_sha1sum' in identity) return substring(identity.mbox_sha1sum);
    if ('openid' in identity) return substring(identity.openid);
    if ('account' in identity) return wholeValue(identity.account.name);
    return { ...wholeValue(identity.id), instanceId: identity.source };
  });
}

/** Whether any matcher finds the identifier in a row's text (of that row's instance). */
export function rawTextMatches(matchers: readonly RawMatcher[], text: string, instanceId: string): boolean {
  return matchers.some((m) => (m.instanceId === undefined || m.instanceId === instanceId) && text.toLowerCase().includes(m.needle) && m.test(text));
}

function substring(value: string): RawMatcher {
  const needle = value.trim().toLowerCase();
  return { needle, test: (text) => text.toLowerCase().includes(needle) };
}

function wholeValue(value: string): RawMatcher {
  const exact = value.trim();
  const token = new RegExp(`(^|[^A-Za-z0-9_.@-])${exact.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^A-Za-z0-9_.@-])`);
  return {
    needle: exact.toLowerCase(),
    test: (text) => {
      let parsed: unknown;
      try {
        parsed = JSON.parse(text);
      } catch {
        return token.test(text);
      }
      return hasLeaf(parsed, exact);
    },
  };
}

function hasLeaf(value: unknown, exact: string): boolean {
  if (typeof value === 'string' || typeof value === 'number') return String(value) === exact;
  if (Array.isArray(value)) return value.some((v) => hasLeaf(v, exact));
  if (typeof value === 'object' && value !== null) return Object.values(value).some((v) => hasLeaf(v, exact));
  return false;
}
