import type { IncomingHttpHeaders } from 'node:http';

/** A request header as one string; a repeated header's values joined with ", " (RFC 9110 §5.3). */
export function headerValue(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}

/** `type/subtype` of a Content-Type, lower-cased, without parameters; '' when absent. */
export function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}
