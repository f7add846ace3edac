import { Injectable } from '@nestjs/common';
import { notFound } from '../lrs-errors';
import type { XapiVersion } from '../../xapi/xapi-version';
import type { DocumentAddress, DocumentContent, DocumentKind, StoredDocument } from './document-address';
import { mergeDocuments } from './document-content';
import { type DocumentMethod, parseDocumentTarget, type QueryParams } from './document-params';
import { DocumentStore } from './document-store';
import { checkPreconditions, type ConditionalHeaders, type WriteMethod } from './preconditions';

/** What a GET answers: one document, or the ids of a set (xAPI 1.0.3 Communication §2.3–2.7). */
export type DocumentReadResult = { document: StoredDocument } | { ids: string[]; lastModified?: string };

/** A request to a document resource, already authenticated and version-negotiated. */
export interface DocumentRequest {
  kind: DocumentKind;
  params: QueryParams;
  version: XapiVersion;
}

export interface DocumentWrite extends DocumentRequest {
  body: DocumentContent;
  conditions: ConditionalHeaders;
}

/** The rules of the State, Activity Profile and Agent Profile resources, over the document store. */
@Injectable()
export class DocumentsService {
  constructor(private readonly store: DocumentStore) {}

  async read({ kind, params, version }: DocumentRequest): Promise<DocumentReadResult> {
    const target = parseDocumentTarget(kind, 'GET', params, version);
    if ('multiple' in target) return this.store.listIds(target.multiple, target.since);
    const document = await this.store.find(target.single);
    if (!document) throw notFound(`no ${describe(kind)} document "${target.single.documentId}" here`);
    return { document };
  }

  /** PUT: store the document as sent, replacing any other (after the concurrency checks). */
  async put(request: DocumentWrite): Promise<StoredDocument> {
    const address = this.single(request, 'PUT');
    const stored = await this.store.write(address, (current) => {
      this.guard(request, 'PUT', current);
      return { put: request.body };
    });
    return stored!;
  }

  /** POST: store as if PUT when there is no document, otherwise merge JSON into it (§2.2). */
  async post(request: DocumentWrite): Promise<StoredDocument> {
    const address = this.single(request, 'POST');
    const stored = await this.store.write(address, (current) => {
      this.guard(request, 'POST', current);
      return { put: current ? mergeDocuments(current, request.body) : request.body };
    });
    return stored!;
  }

  /** DELETE one document (204 whether or not it existed), or every document of a scope. */
  async delete(request: Omit<DocumentWrite, 'body'>): Promise<void> {
    const target = parseDocumentTarget(request.kind, 'DELETE', request.params, request.version);
    if ('multiple' in target) {
      await this.store.deleteScope(target.multiple);
      return;
    }
    await this.store.write(target.single, (current) => {
      this.guard(request, 'DELETE', current);
      return current ? { delete: true } : { keep: true };
    });
  }

  private single(request: DocumentRequest, method: DocumentMethod): DocumentAddress {
    const target = parseDocumentTarget(request.kind, method, request.params, request.version);
    // PUT and POST without an id are refused by parseDocumentTarget; this narrows the type.
    if (!('single' in target)) throw new Error(`${method} reached the store without a document id`);
    return target.single;
  }

  private guard(request: Omit<DocumentWrite, 'body'>, method: WriteMethod, current: StoredDocument | undefined): void {
    const problem = checkPreconditions({ method, kind: request.kind, version: request.version, currentEtag: current?.etag, ...request.conditions });
    if (problem) throw problem;
  }
}

function describe(kind: DocumentKind): string {
  return kind === 'state' ? 'state' : kind === 'activity_profile' ? 'activity profile' : 'agent profile';
}
