import { conflict, invalidRequest, type LrsError, preconditionFailed } from '../lrs-errors';
import type { XapiVersion } from '../../xapi/xapi-version';
import type { DocumentKind } from './document-address';

export type WriteMethod = 'PUT' | 'POST' | 'DELETE';

/** The conditional headers of a write, as received (undefined when absent). */
export interface ConditionalHeaders {
  ifMatch?: string;
  ifNoneMatch?: string;
}

export interface PreconditionInput extends ConditionalHeaders {
  method: WriteMethod;
  kind: DocumentKind;
  version: XapiVersion;
  /** The current document's ETag (unquoted SHA-1 hex), undefined when there is none. */
  currentEtag: string | undefined;
}

/**
 * Decides whether a write may go ahead (undefined) or which error answers it.
 *
 * - If-Match / If-None-Match as RFC 2616 §14.24/§14.26 describe, for PUT, POST and DELETE:
 *   a failed precondition is 412 and changes nothing (xAPI 1.0.3 Communication §3.1;
 *   IEEE 9274.1.1 §4.1.4).
 * - A PUT with neither header on a document that exists is 409 (same sections). xAPI 1.0.3
 *   exempts the State resource ("will permit PUT, POST and DELETE requests without
 *   concurrency headers"); 2.0 covers State, Agent Profile and Activity Profile alike.
 * - xAPI 1.0.3 §3.1 Client Requirements: a PUT to a profile resource MUST carry one of the
 *   headers; the conformance suite expects 400 when a new profile document is PUT without.
 */
export function checkPreconditions(input: PreconditionInput): LrsError | undefined {
  const { method, kind, version, currentEtag, ifMatch, ifNoneMatch } = input;
  if (ifMatch !== undefined) {
    if (currentEtag === undefined) return preconditionFailed('If-Match was sent but there is no such document');
    if (!matches(ifMatch, currentEtag)) {
      return preconditionFailed('If-Match does not match the document\'s current ETag; GET it again and retry with the new ETag');
    }
  }
  if (ifNoneMatch !== undefined && currentEtag !== undefined && matches(ifNoneMatch, currentEtag)) {
    return preconditionFailed(
      ifNoneMatch.trim() === '*' ? 'If-None-Match: * was sent but the document already exists' : 'If-None-Match matches the document\'s current ETag',
    );
  }
  if (method === 'PUT' && ifMatch === undefined && ifNoneMatch === undefined) {
    const isProfile = kind !== 'state';
    if (currentEtag !== undefined && (isProfile || version !== '1.0.3')) {
      return conflict('the document already exists and the PUT carried neither If-Match nor If-None-Match', [
        'GET the document to check its current state, then PUT again with If-Match set to its ETag',
      ]);
    }
    if (currentEtag === undefined && isProfile && version === '1.0.3') {
      return invalidRequest('a PUT to a profile resource must carry If-Match or If-None-Match (xAPI 1.0.3 Communication §3.1)', [
        'send If-None-Match: * to create a document, or If-Match with the ETag you read to replace one',
      ]);
    }
  }
  return undefined;
}

/** Whether an If-Match / If-None-Match value ("*" or a list of entity tags) matches an ETag. */
export function matches(header: string, etag: string): boolean {
  const tags = header.split(',').map((t) => t.trim()).filter((t) => t.length > 0);
  return tags.some((tag) => tag === '*' || unquote(tag) === etag.toLowerCase());
}

/** `W/"abc"` → `abc`; a bare token is taken as it is (some clients forget the quotes). */
function unquote(tag: string): string {
  const strong = tag.startsWith('W/') ? tag.slice(2) : tag;
  const bare = strong.length >= 2 && strong.startsWith('"') && strong.endsWith('"') ? strong.slice(1, -1) : strong;
  return bare.toLowerCase();
}

/** The ETag header value for a stored SHA-1: quoted, as RFC 2616 §14.19 requires. */
export function etagHeader(etag: string): string {
  return `"${etag}"`;
}
