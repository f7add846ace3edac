import { mediaTypeOf } from '../../http/headers';
import { createHash } from 'node:crypto';
import { invalidRequest } from '../lrs-errors';
import { parseJson } from '../../http/body-parsers';
import type { DocumentContent } from './document-address';

/** The media type a document gets when the request names none. */
export const DEFAULT_DOCUMENT_TYPE = 'application/octet-stream';
export const JSON_TYPE = 'application/json';

/** xAPI 1.0.3 Communication §3.1: the ETag is the SHA-1 hex digest of the contents. */
export function etagOf(content: Buffer): string {
  return createHash('sha1').update(content).digest('hex');
}

/** `application/json; charset=utf-8` → true. Merging is defined for application/json only (§2.2). */
export function isJsonType(contentType: string): boolean {
  return mediaTypeOf(contentType) === JSON_TYPE;
}

type JsonObject = Record<string, unknown>;

/**
 * POST onto an existing document (xAPI 1.0.3 Communication §2.2 "JSON Procedure with
 * Requirements"): when both are application/json and JSON objects, the result is the old
 * object with the new one's top-level properties written over it (one level deep: a nested
 * object is replaced whole). Otherwise 400, and the caller changes nothing.
 */
export function mergeDocuments(existing: DocumentContent, incoming: DocumentContent): DocumentContent {
  if (!isJsonType(existing.contentType)) {
    throw invalidRequest(`the stored document is ${existing.contentType}, not application/json, so a POST cannot merge into it; PUT replaces it`);
  }
  if (!isJsonType(incoming.contentType)) {
    throw invalidRequest(`a POST onto an existing JSON document must be application/json, got ${incoming.contentType}; PUT replaces the document`);
  }
  const before = jsonObject(existing.content, 'the stored document');
  const after = jsonObject(incoming.content, 'the posted document');
  return { content: Buffer.from(JSON.stringify({ ...before, ...after }), 'utf8'), contentType: JSON_TYPE };
}

function jsonObject(content: Buffer, what: string): JsonObject {
  let value: unknown;
  try {
    value = parseJson(content);
  } catch {
    throw invalidRequest(`${what} is not valid JSON, so it cannot be merged`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw invalidRequest(`${what} is not a JSON object, so it cannot be merged`);
  }
  return value as JsonObject;
}
