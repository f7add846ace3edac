/** The three document resources of xAPI 1.0.3 Communication §2.3, §2.6, §2.7. */
export type DocumentKind = 'state' | 'activity_profile' | 'agent_profile';

/**
 * Where one document lives. Parts a resource does not use are '' (an Activity Profile has
 * no agent, an Agent Profile no activity, only State has a registration).
 */
export interface DocumentAddress {
  kind: DocumentKind;
  activityId: string;
  agentKey: string;
  registration: string;
  documentId: string;
}

/**
 * The documents a multiple-document GET or DELETE covers. `registration` undefined means
 * every registration: "Activity + Agent [+ registration if specified]" (xAPI 1.0.3 §2.3).
 */
export interface DocumentScope {
  kind: DocumentKind;
  activityId: string;
  agentKey: string;
  registration?: string;
}

/** A document as stored: the bytes as sent, their media type, SHA-1 ETag and last change. */
export interface StoredDocument {
  content: Buffer;
  contentType: string;
  /** SHA-1 hex of the content, without quotes. */
  etag: string;
  /** ISO 8601 UTC, millisecond precision. */
  updated: string;
}

/** A document about to be written. */
export interface DocumentContent {
  content: Buffer;
  contentType: string;
}

