import type { Generated } from 'kysely';

/**
 * The tables, as Kysely sees them. Both engines store JSON as text and instants as
 * ISO-8601 UTC strings with millisecond precision, which sort the same way as time.
 */
export interface InboxTable {
  seq: Generated<number>;
  /** UUID v5 of instance + source event key: the dedupe key, and the id intake answers with. */
  event_id: string;
  instance_id: string;
  event_key: string;
  received_at: string;
  /** queued → normalized | quarantined | failed; `received` while the queue refused it (Redis down). */
  status: string;
  raw_body: string;
  content_type: string | null;
  detail: string | null;
}

export interface QuarantineTable {
  seq: Generated<number>;
  event_id: string;
  instance_id: string;
  statement: string;
  reasons: string;
  created_at: string;
}

export interface StatementsTable {
  seq: Generated<number>;
  id: string;
  stored: string;
  timestamp: string;
  verb_id: string;
  registration: string | null;
  /** 1 when a later voiding statement targets this one (xAPI 1.0.3 §2.2.3). */
  voided: number;
  /** The statement this one voids, when its verb is voided. */
  voids_id: string | null;
  /** The statement as the LRS returns it (with id, stored, authority, version). */
  full_json: string;
  /** The Statement a StatementRef object targets (filters follow it), else null. */
  object_ref_id: string | null;
  /** agentKey of the authority, for `statements/read/mine`. */
  authority_key: string | null;
}

/** Attachment bytes, one row per SHA-2 hash (xAPI 1.0.3 §2.4.11). */
export interface AttachmentsTable {
  sha2: string;
  content_type: string;
  length: number;
  content: Buffer;
  created_at: string;
}

/** Agents a statement is about: `actor`/`object` answer `agent=`, every one answers `related_agents`. */
export interface StatementAgentsTable {
  statement_seq: number;
  agent_key: string;
  relation: 'direct' | 'related';
  /** The statement's verb, copied so agent + verb is one index range (migration 0011). */
  verb_id: string;
}

export interface StatementActivitiesTable {
  statement_seq: number;
  activity_id: string;
  relation: 'direct' | 'related';
}

/** A State, Activity Profile or Agent Profile document; absent key parts are ''. */
export interface DocumentsTable {
  seq: Generated<number>;
  kind: 'state' | 'activity_profile' | 'agent_profile';
  activity_id: string;
  agent_key: string;
  registration: string;
  document_id: string;
  content: Buffer;
  content_type: string;
  /** SHA-1 hex of the content, unquoted (xAPI 1.0.3 Communication §3.1). */
  etag: string;
  updated: string;
}

/** What the LRS knows of an Activity, folded from statements up to `folded_seq`. */
export interface ActivityDefinitionsTable {
  activity_id: string;
  definition_json: string;
  folded_seq: number;
}

/** Basic-auth credentials of the built-in LRS (secrets hashed with scrypt). */
export interface LrsCredentialsTable {
  seq: Generated<number>;
  key: string;
  name: string;
  /** `scrypt$N$r$p$salt$hash`, base64url parts. */
  secret_hash: string;
  /** JSON array of xAPI scopes. */
  scopes: string;
  /** JSON of the Agent stamped as `authority`. */
  authority: string;
  created_at: string;
  revoked_at: string | null;
}

export interface Database {
  inbox: InboxTable;
  quarantine: QuarantineTable;
  statements: StatementsTable;
  statement_agents: StatementAgentsTable;
  statement_activities: StatementActivitiesTable;
  attachments: AttachmentsTable;
  lrs_credentials: LrsCredentialsTable;
  documents: DocumentsTable;
  activity_definitions: ActivityDefinitionsTable;
}
