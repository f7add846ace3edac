import { randomBytes } from 'node:crypto';

/** One body part of a multipart message: its headers (names lower-cased) and raw bytes. */
export interface MultipartPart {
  headers: Record<string, string>;
  body: Buffer;
}

/** A request body that is not a well-formed multipart/mixed message (answered 400). */
export class MultipartError extends Error {}

const CRLF = Buffer.from('\r\n');

/** The `boundary` parameter of a multipart Content-Type, unquoted; undefined when absent. */
export function boundaryOf(contentType: string): string | undefined {
  const match = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  return boundary && boundary.length <= 70 ? boundary : undefined;
}

/**
 * Splits a multipart body into its parts (RFC 2046 §5.1.1): the preamble before the first
 * delimiter and the epilogue after the closing one are ignored; a part's headers end at
 * the first empty line.
 */
export function parseMultipart(body: Buffer, contentType: string): MultipartPart[] {
  const boundary = boundaryOf(contentType);
  if (!boundary) throw new MultipartError('the multipart Content-Type has no boundary parameter');
  // Every delimiter is CRLF "--" boundary; prefixing CRLF lets the first one start the body.
  const data = Buffer.concat([CRLF, body]);
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const parts: MultipartPart[] = [];
  let at = data.indexOf(delimiter);
  if (at < 0) throw new MultipartError(`the body has no "--${boundary}" boundary line`);
  for (;;) {
    let cursor = at + delimiter.length;
    if (data.subarray(cursor, cursor + 2).toString('latin1') === '--') return parts; // closing delimiter
    while (data[cursor] === 0x20 || data[cursor] === 0x09) cursor++; // transport padding
    if (!data.subarray(cursor, cursor + 2).equals(CRLF)) throw new MultipartError('a boundary line is followed by other text');
    cursor += 2;
    const next = data.indexOf(delimiter, cursor);
    if (next < 0) throw new MultipartError('the body does not end with the closing boundary line');
    parts.push(parsePart(data.subarray(cursor, next)));
    at = next;
  }
}

function parsePart(raw: Buffer): MultipartPart {
  const headerEnd = raw.subarray(0, 2).equals(CRLF) ? 0 : raw.indexOf('\r\n\r\n');
  if (headerEnd < 0) throw new MultipartError('a part has no empty line after its headers');
  const headers: Record<string, string> = {};
  for (const line of raw.subarray(0, headerEnd).toString('utf8').split('\r\n')) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) throw new MultipartError(`a part has a malformed header line "${line.slice(0, 60)}"`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: raw.subarray(headerEnd === 0 ? 2 : headerEnd + 4) };
}

/** A fresh boundary that cannot occur in the parts (random, checked). */
export function newBoundary(parts: readonly MultipartPart[]): string {
  for (;;) {
    const boundary = `xapi-hub-${randomBytes(12).toString('hex')}`;
    if (!parts.some((part) => part.body.includes(boundary))) return boundary;
  }
}

/** Serialises parts as a multipart body delimited by `boundary`. */
export function writeMultipart(parts: readonly MultipartPart[], boundary: string): Buffer {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    const head = Object.entries(part.headers)
      .map(([name, value]) => `${name}: ${value}\r\n`)
      .join('');
    chunks.push(Buffer.from(`--${boundary}\r\n${head}\r\n`), part.body, CRLF);
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}
