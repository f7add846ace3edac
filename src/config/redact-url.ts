/**
 * Redaction of secrets carried in URLs, for everything the hub shows or logs: the admin
 * API's destination list, start-up lines, and every log line (request URLs included).
 * Pure string work: a URL is never parsed and re-serialised, so what is not a secret is
 * shown exactly as written.
 */

export const REDACTED = '***';

/**
 * Query parameters whose value is a secret: names containing one of these words
 * (`access_token`, `validationToken`, `client_secret`, `api_key`, `X-Amz-Signature`, …) …
 */
const SECRET_NAME_PARTS = /token|key|secret|passw|pwd|signature|credential|session|auth/i;
/** … and short names that are secrets only when they are the whole name. */
const SECRET_NAMES = new Set(['sig', 'code', 'hmac', 'hash', 'jwt', 'otp', 'pass', 'state', 'nonce', 'ticket']);

export function isSecretParameter(name: string): boolean {
  let decoded = name;
  try {
    decoded = decodeURIComponent(name.replace(/\+/g, ' '));
  } catch {
    // a malformed escape: judge the name as written
  }
  return SECRET_NAME_PARTS.test(decoded) || SECRET_NAMES.has(decoded.toLowerCase());
}

/**
 * The URL (absolute, or a request target such as `/hooks/x?token=…`) with the password of
 * its user info and the values of secret query parameters replaced by `***`.
 * `http://user:pass@host/xapi/?token=t&page=2` → `http://user:***@host/xapi/?token=***&page=2`.
 */
export function redactUrl(url: string): string {
  const hashAt = url.indexOf('#');
  const beforeFragment = hashAt === -1 ? url : url.slice(0, hashAt);
  const fragment = hashAt === -1 ? '' : url.slice(hashAt);
  const queryAt = beforeFragment.indexOf('?');
  const target = queryAt === -1 ? beforeFragment : beforeFragment.slice(0, queryAt);
  const query = queryAt === -1 ? undefined : beforeFragment.slice(queryAt + 1);
  return withoutPassword(target) + (query === undefined ? '' : `?${redactQuery(query)}`) + redactFragment(fragment);
}

/** Every absolute URL inside a text (an error message, a log message) redacted as `redactUrl` does. */
export function redactUrlsIn(text: string): string {
  if (!text.includes('://')) return text;
  return text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>`]+/gi, (url) => redactUrl(url));
}

/** `scheme://user:password@host…` → `scheme://user:***@host…`; anything else unchanged. */
function withoutPassword(target: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^@/?#]*)@/i.exec(target);
  if (!match) return target;
  const userInfo = match[2];
  const colon = userInfo.indexOf(':');
  if (colon === -1) return target;
  return `${match[1]}${userInfo.slice(0, colon)}:${REDACTED}@${target.slice(match[0].length)}`;
}

function redactQuery(query: string): string {
  return query
    .split('&')
    .map((pair) => {
      const equals = pair.indexOf('=');
      if (equals === -1) return pair;
      const name = pair.slice(0, equals);
      return isSecretParameter(name) ? `${name}=${REDACTED}` : pair;
    })
    .join('&');
}

/** OAuth's implicit flow puts `access_token=…` in the fragment. */
function redactFragment(fragment: string): string {
  return fragment.includes('=') ? `#${redactQuery(fragment.slice(1))}` : fragment;
}
