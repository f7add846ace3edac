import { mediaTypeOf } from '../../http/headers';

/**
 * The Alternate Request Syntax (xAPI 1.0.3 Communication §1.3): a client that cannot send
 * arbitrary methods or headers POSTs to `…?method=PUT` a form body carrying the headers,
 * the query parameters and the `content`. These pure functions turn such a request back
 * into the ordinary one. xAPI 2.0 (IEEE 9274.1.1) removed the syntax.
 */

export const ALTERNATE_METHODS = ['GET', 'HEAD', 'PUT', 'POST', 'DELETE'] as const;
export type AlternateMethod = (typeof ALTERNATE_METHODS)[number];

/** Form parameters that stand for request headers (§1.3: "treated as header parameters"), by lower-case name. */
export const FORM_HEADER_NAMES = ['authorization', 'x-experience-api-version', 'content-type', 'content-length', 'if-match', 'if-none-match'] as const;

export type AlternateRouting =
  | { kind: 'none' }
  | { kind: 'rewrite'; method: AlternateMethod; url: string }
  | { kind: 'reject'; reason: string };

const SPEC = 'xAPI 1.0.3 Communication §1.3';

/** Decides, from the request line alone, whether this is an alternate request and where it routes to. */
export function routeAlternateRequest(method: string, url: string): AlternateRouting {
  const queryStart = url.indexOf('?');
  if (queryStart < 0 || !/(^|&)method=/.test(url.slice(queryStart + 1))) return { kind: 'none' };
  const query = new URLSearchParams(url.slice(queryStart + 1));
  const intended = query.getAll('method');
  if (method.toUpperCase() !== 'POST') {
    return { kind: 'reject', reason: `the alternate request syntax (?method=) is only valid on POST, not ${method} (${SPEC})` };
  }
  if (intended.length !== 1) return { kind: 'reject', reason: `give the method query parameter exactly once (${SPEC})` };
  const target = intended[0].toUpperCase();
  if (!(ALTERNATE_METHODS as readonly string[]).includes(target)) {
    return { kind: 'reject', reason: `method=${intended[0]} is not one of ${ALTERNATE_METHODS.join(', ')} (${SPEC})` };
  }
  const others = [...new Set([...query.keys()].filter((k) => k !== 'method'))];
  if (others.length > 0) {
    return {
      kind: 'reject',
      reason: `an alternate request carries its parameters in the form body, not the query string: found ${others.join(', ')} (${SPEC})`,
    };
  }
  return { kind: 'rewrite', method: target as AlternateMethod, url: url.slice(0, queryStart) };
}

/** What the form body of an alternate request stands for. */
export interface AlternateForm {
  /** Header values by lower-case name (Content-Length is dropped: the LRS measures the content). */
  headers: Record<string, string>;
  query: Record<string, string>;
  content?: string;
}

const PARAMETER_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/**
 * Reads the form body of an alternate request going to `method`. The body must be
 * `application/x-www-form-urlencoded`; every field is a header, `content`, or a query parameter.
 */
export function parseAlternateForm(method: AlternateMethod, contentType: string | undefined, body: Buffer): AlternateForm | { error: string } {
  const mediaType = mediaTypeOf(contentType);
  if (mediaType !== 'application/x-www-form-urlencoded') {
    return { error: `an alternate request's body must be application/x-www-form-urlencoded, not ${mediaType || 'absent'} (${SPEC})` };
  }
  const form: AlternateForm = { headers: {}, query: {} };
  const seen = new Set<string>();
  for (const [name, value] of new URLSearchParams(body.toString('utf8'))) {
    const lower = name.toLowerCase();
    const slot = (FORM_HEADER_NAMES as readonly string[]).includes(lower) ? `header:${lower}` : name;
    if (seen.has(slot)) return { error: `form parameter ${name} is given twice` };
    seen.add(slot);
    if (slot.startsWith('header:')) {
      if (lower !== 'content-length') form.headers[lower] = value;
    } else if (name === 'content') {
      form.content = value;
    } else if (PARAMETER_NAME.test(name)) {
      form.query[name] = value;
    } else {
      return { error: `the body is not a form of parameters: ${JSON.stringify(name.slice(0, 40))} is no parameter name (${SPEC})` };
    }
  }
  const hasBody = method === 'PUT' || method === 'POST';
  if (hasBody && form.content === undefined) return { error: `a ${method} in the alternate syntax needs the form parameter content (${SPEC})` };
  if (!hasBody && form.content !== undefined) return { error: `a ${method} takes no content (${SPEC})` };
  return form;
}
