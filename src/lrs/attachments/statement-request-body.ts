import { invalidRequest } from '../lrs-errors';
import { parseJson } from '../../http/body-parsers';
import { mediaTypeOf } from '../../http/headers';
import { MultipartError, type MultipartPart, parseMultipart } from './multipart';

export interface StatementRequestBody {
  /** The statement part, parsed: one statement or an array of them (not yet validated). */
  json: unknown;
  /** The attachment parts after it (none for application/json). */
  parts: MultipartPart[];
}

/**
 * The body of a PUT or POST to /statements (xAPI 1.0.3 Communication §1.5): either
 * application/json (already parsed by the JSON body parser), or multipart/mixed whose first
 * part is the application/json statements and whose other parts are attachments. Any other
 * Content-Type is a 400.
 */
export function readStatementRequestBody(contentType: string | undefined, body: unknown): StatementRequestBody {
  const type = mediaTypeOf(contentType);
  if (!Buffer.isBuffer(body)) {
    if (body === undefined) throw invalidRequest('the request has no body; send statements as application/json or multipart/mixed');
    return { json: body, parts: [] };
  }
  if (type !== 'multipart/mixed') {
    throw invalidRequest(`Content-Type "${type || 'none'}" is not accepted here: send application/json or multipart/mixed`);
  }
  let parts: MultipartPart[];
  try {
    parts = parseMultipart(body, contentType!);
  } catch (error) {
    if (error instanceof MultipartError) throw invalidRequest(`malformed multipart/mixed body: ${error.message}`);
    throw error;
  }
  const [first, ...rest] = parts;
  if (!first) throw invalidRequest('the multipart/mixed body has no parts');
  if (mediaTypeOf(first.headers['content-type']) !== 'application/json') {
    throw invalidRequest('the first part of a multipart/mixed body must be the statements, with Content-Type: application/json');
  }
  let json: unknown;
  try {
    json = parseJson(first.body);
  } catch (error) {
    throw invalidRequest(`the statement part is not JSON: ${(error as Error).message}`);
  }
  return { json, parts: rest };
}
