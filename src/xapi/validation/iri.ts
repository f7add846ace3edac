/**
 * IRIs, IRLs, URIs and mailto IRIs. The spec allows best-effort IRI validation
 * (xAPI 1.0.3 §2.2.s4.b6) but insists on a scheme (§2.2.s4.b1.b8): we check the RFC 3987
 * shape — a scheme, then only characters an IRI may contain, valid percent-escapes and
 * at most one fragment — without resolving or normalising anything.
 */

// RFC 3986 §3.1 scheme, then RFC 3987 iunreserved / sub-delims / gen-delims / ucschar / pct-encoded.
// Surrogate pairs cover ucschar above U+FFFF. Private-use and non-characters are left out.
const IRI =
  /^[A-Za-z][A-Za-z0-9+.-]*:(?:[A-Za-z0-9\-._~!$&'()*+,;=:@/?#[\]\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]|%[0-9A-Fa-f]{2}|[\uD800-\uDBFF][\uDC00-\uDFFF])+$/;

const ASCII_ONLY = /^[\x21-\x7E]*$/;

// mailto:local@domain, one address, no query (xAPI 1.0.3 §2.4.2.3: "mailto:email address").
const MAILTO =
  /^mailto:[A-Za-z0-9!#$%&'*+/=?^_`{|}~.\-\u00A0-\uFFFF]+@[A-Za-z0-9\u00A0-\uFFFF](?:[A-Za-z0-9\-\u00A0-\uFFFF]*[A-Za-z0-9\u00A0-\uFFFF])?(?:\.[A-Za-z0-9\u00A0-\uFFFF](?:[A-Za-z0-9\-\u00A0-\uFFFF]*[A-Za-z0-9\u00A0-\uFFFF])?)*$/;

/** An absolute IRI (RFC 3987): has a scheme, no spaces or characters an IRI cannot hold, one fragment at most. */
export function isIri(value: unknown): value is string {
  if (typeof value !== 'string' || !IRI.test(value)) return false;
  const hash = value.indexOf('#');
  return hash === -1 || value.indexOf('#', hash + 1) === -1;
}

/**
 * An IRL is an IRI meant to be resolvable (homePage, moreInfo, fileUrl). Resolvability cannot be
 * checked offline, so the syntax is that of an IRI.
 */
export function isIrl(value: unknown): value is string {
  return isIri(value);
}

/** A URI (openid, xAPI 1.0.3 §2.4.2.3): an IRI restricted to ASCII. */
export function isUri(value: unknown): value is string {
  return isIri(value) && ASCII_ONLY.test(value);
}

/** "mailto:" (lowercase, as the spec writes it) followed by a single email address. */
export function isMailtoIri(value: unknown): value is string {
  return typeof value === 'string' && MAILTO.test(value);
}
