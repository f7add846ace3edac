import { parse as parseCsvText } from 'csv-parse/sync';
import { JsonTooDeepError, parseBoundedJson } from '../json/bounded-json';
import { RequestRejectedError } from './connector';

/** A webhook as the connector sees it: raw bytes for signatures, with parsers for the body. */
export interface InboundRequest {
  method: string;
  /** Header names are lower-case. */
  headers: Readonly<Record<string, string | undefined>>;
  /** Exactly the bytes that arrived (empty for an empty body). */
  rawBody: Buffer;
  query: Readonly<Record<string, string | undefined>>;
  receivedAt: Date;
  /**
   * The part of the URL after `/hooks/<instance>`: '' for the hook itself, else one of the
   * connector's `subPaths` (`/xapi/statements`). Absent means ''.
   */
  path?: string;
}

/** The media type without parameters, lower-case (`application/json`), or '' when absent. */
export function mediaTypeOf(request: InboundRequest): string {
  return (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
}

/** The body as JSON; a non-JSON, malformed or too deeply nested body is a 415/400 the source can act on. */
export function jsonBody(request: InboundRequest): unknown {
  const type = mediaTypeOf(request);
  if (type !== '' && type !== 'application/json' && !type.endsWith('+json')) {
    throw new RequestRejectedError(415, `the body must be JSON (Content-Type: application/json), not ${type}`);
  }
  if (request.rawBody.length === 0) throw new RequestRejectedError(400, 'the body is empty; a JSON document was expected');
  try {
    return parseBoundedJson(request.rawBody.toString('utf8'));
  } catch (error) {
    if (error instanceof JsonTooDeepError) throw new RequestRejectedError(400, `the body is ${error.message}`);
    throw new RequestRejectedError(400, `the body is malformed JSON: ${(error as Error).message}`);
  }
}

/** An `application/x-www-form-urlencoded` body as a flat record (the last value of a repeated name wins). */
export function formBody(request: InboundRequest): Record<string, string> {
  const type = mediaTypeOf(request);
  if (type !== 'application/x-www-form-urlencoded') {
    throw new RequestRejectedError(415, `the body must be a form (Content-Type: application/x-www-form-urlencoded), not ${type || 'none'}`);
  }
  return Object.fromEntries(new URLSearchParams(request.rawBody.toString('utf8')));
}

export interface CsvRow {
  /** The line the row starts on in the file (1 = the header), for error messages. */
  line: number;
  values: Record<string, string>;
}

/**
 * A CSV body (BOM, CRLF, quoted fields with commas and newlines) as rows keyed by the header
 * row's names (trimmed). A file that is not CSV at all is a 400 with the line it broke on.
 */
export function csvRows(text: Buffer | string, delimiter = ','): CsvRow[] {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    // Blank lines are kept as records (and dropped below) so that each record starts on the
    // line after the previous one ended: csv-parse only tells the line a record ends on.
    records = parseCsvText(text, { bom: true, delimiter, relax_column_count: true, skip_empty_lines: false, info: true, trim: false }) as unknown as {
      record: string[];
      info: { lines: number };
    }[];
  } catch (error) {
    throw new RequestRejectedError(400, `the CSV cannot be read: ${(error as Error).message}`);
  }
  const located = records.map(({ record }, i) => ({ record, line: i === 0 ? 1 : records[i - 1].info.lines + 1 }));
  const rows = located.filter(({ record }) => !(record.length === 1 && record[0].trim() === ''));
  if (rows.length === 0) return [];
  const header = rows[0].record.map((name) => name.trim());
  return rows.slice(1).map(({ record, line }) => ({
    line,
    values: Object.fromEntries(header.map((name, i) => [name, (record[i] ?? '').trim()])),
  }));
}

/** Builds a request for tests, samples and preview: `body` as text (or JSON, serialised). */
export function inboundRequest(input: {
  headers?: Record<string, string>;
  body?: string | object;
  method?: string;
  query?: Record<string, string>;
  receivedAt?: Date;
  path?: string;
}): InboundRequest {
  const headers = Object.fromEntries(Object.entries(input.headers ?? {}).map(([name, value]) => [name.toLowerCase(), value]));
  const text = input.body === undefined ? '' : typeof input.body === 'string' ? input.body : JSON.stringify(input.body);
  if (typeof input.body === 'object' && headers['content-type'] === undefined) headers['content-type'] = 'application/json';
  return {
    method: input.method ?? 'POST',
    headers,
    rawBody: Buffer.from(text, 'utf8'),
    query: input.query ?? {},
    receivedAt: input.receivedAt ?? new Date(),
    ...(input.path ? { path: input.path } : {}),
  };
}
