import type { FastifyReply, FastifyRequest } from 'fastify';
import { headerValue } from '../../http/headers';
import type { XapiVersion } from '../../xapi/xapi-version';
import type { DocumentContent, DocumentKind, StoredDocument } from './document-address';
import { DEFAULT_DOCUMENT_TYPE } from './document-content';
import type { QueryParams } from './document-params';
import type { DocumentReadResult, DocumentRequest, DocumentWrite } from './documents.service';
import { etagHeader } from './preconditions';

/** The parts of a Fastify request a document resource reads. */
export function documentRequest(kind: DocumentKind, request: FastifyRequest): DocumentRequest {
  return { kind, params: (request.query ?? {}) as QueryParams, version: versionOf(request) };
}

export function documentWrite(kind: DocumentKind, request: FastifyRequest): DocumentWrite {
  return { ...documentRequest(kind, request), body: bodyOf(request), conditions: conditionsOf(request) };
}

export function conditionsOf(request: FastifyRequest): DocumentWrite['conditions'] {
  return { ifMatch: headerValue(request.headers, 'if-match'), ifNoneMatch: headerValue(request.headers, 'if-none-match') };
}

/** The document exactly as sent: its bytes (our body parsers keep them) and media type. */
function bodyOf(request: FastifyRequest): DocumentContent {
  const contentType = headerValue(request.headers, 'content-type') ?? DEFAULT_DOCUMENT_TYPE;
  const body: unknown = request.body;
  let content: Buffer;
  if (request.rawBody) content = request.rawBody;
  else if (Buffer.isBuffer(body)) content = body;
  else if (typeof body === 'string') content = Buffer.from(body, 'utf8');
  else if (body !== undefined && body !== null) content = Buffer.from(JSON.stringify(body), 'utf8');
  else content = Buffer.alloc(0);
  return { content, contentType };
}

/** Answers a GET: the document with its own media type, ETag and Last-Modified, or a JSON array of ids. */
export function sendRead(reply: FastifyReply, result: DocumentReadResult): void {
  if ('document' in result) {
    void documentHeaders(reply, result.document).type(result.document.contentType).send(result.document.content);
    return;
  }
  if (result.lastModified) void reply.header('Last-Modified', httpDate(result.lastModified));
  void reply.type('application/json; charset=utf-8').send(JSON.stringify(result.ids));
}

/** ETag and Last-Modified of a document (xAPI 1.0.3 Communication §3.1; IEEE 9274.1.1 §4.1.6.2). */
export function documentHeaders(reply: FastifyReply, document: StoredDocument): FastifyReply {
  return reply.header('ETag', etagHeader(document.etag)).header('Last-Modified', httpDate(document.updated));
}

function httpDate(iso: string): string {
  return new Date(iso).toUTCString();
}

function versionOf(request: FastifyRequest): XapiVersion {
  const version = request.xapi?.version;
  // XapiGuard runs first and refuses requests without a version; this only guards its contract.
  if (!version) throw new Error('a document resource was reached without XapiGuard');
  return version;
}
