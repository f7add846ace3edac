import type { ColumnType, Generated } from 'kysely';

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
  /**
   * queued → normalized | quarantined | ignored | failed, or waiting (mapped again at
   * `due_at`); `received` while the queue refused it (Redis down).
   */
  status: string;
  /** The event's body as JSON text: what `split` made of the request (the whole body for one event). */
  raw_body: string;
  content_type: string | null;
  detail: string | null;
  /** When a `waiting` event is due to be mapped again (ISO 8601), else null. */
  due_at: ColumnType<string | null, string | null | undefined, string | null>;
}

/** Per-instance connector state: one JSON value per key. */
export interface ConnectorStateTable {
  instance_id: string;
  key: string;
  value: string;
  updated_at: string;
}

export interface QuarantineTable {
  seq: Generated<number>;
  event_id: string;
  instance_id: string;
  statement: string;
  reasons: string;
  created_at: string;
  /** The quarantined statement's id: with event_id, the row's unique key. */
  statement_id: string;
  /** Set when the event was normalized again (after the mapping was fixed). */
  resolved_at: string | null;
}

export type OutboxStatus = 'pending' | 'delivering' | 'delivered' | 'dead' | 'discarded';

/** One statement on its way to one destination; `dead` rows are the dead letters. */
export interface OutboxTable {
  seq: Generated<number>;
  destination_id: string;
  statement_id: string;
  event_id: string;
  instance_id: string;
  /** The statement as normalize made it (JSON). */
  statement: string;
  status: OutboxStatus;
  attempts: number;
  next_attempt_at: string;
  /** Who claimed the row and until when; a claim past its time is anyone's again. */
  claim_owner: string | null;
  claimed_until: string | null;
  first_attempt_at: string | null;
  last_attempt_at: string | null;
  /** What the destination said last (the LRS's message), for the admin. */
  last_answer: string | null;
  /** conflict | rejected | too-large | expired | discarded: why it is dead. */
  dead_reason: string | null;
  /** When the source event reached the inbox: source-to-LRS lag is measured from it. */
  received_at: string;
  created_at: string;
  delivered_at: string | null;
}

/** A destination's state, shared by every worker process. */
export interface DestinationStateTable {
  destination_id: string;
  state: 'active' | 'paused';
  paused_by: string | null;
  paused_reason: string | null;
  /** `open` past `open_until` is half-open: one probe statement may go. */
  breaker: 'closed' | 'open';
  consecutive_failures: number;
  open_until: string | null;
  last_error: string | null;
  last_error_at: string | null;
  updated_at: string;
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

/** A learner in the identity directory (src/identity/). */
export interface PeopleTable {
  seq: Generated<number>;
  id: string;
  /** JSON of the canonical Agent (mbox or account, with name) every identity resolves to. */
  actor: string;
  name: string | null;
  /** JSON object of reporting attributes (team, department, location, role, manager). */
  attributes: string;
  created_at: string;
  updated_at: string;
}

/** One identifier a person is known by; the normalised key is unique across people. */
export interface PersonIdentitiesTable {
  identity_key: string;
  person_id: string;
  /** JSON of the identity as given. */
  identity: string;
  created_at: string;
}

/** One row (id 1): bumped by every directory write, so per-process caches know to reload. */
export interface IdentityDirectoryVersionTable {
  id: number;
  version: number;
}

/** A statement whose actor the directory did not know, for an instance that holds them. */
export interface HeldStatementsTable {
  seq: Generated<number>;
  instance_id: string;
  event_id: string | null;
  /** The unknown actor's identity key: what an admin resolves. */
  identity_key: string;
  /** The statement's id, or a hash of it when it has none yet. */
  statement_key: string;
  statement: string;
  held_at: string;
}

/** A record of one erasure: when, by which door, how many rows per kind; no personal data. */
export interface ErasureAuditTable {
  seq: Generated<number>;
  erased_at: string;
  requested_by: string;
  counts: string;
  external_destinations: string;
}

/** Which process runs a periodic job until when (one runner across processes). */
export interface JobLeasesTable {
  name: string;
  holder: string;
  expires_at: string;
}

export interface Database {
  inbox: InboxTable;
  connector_state: ConnectorStateTable;
  quarantine: QuarantineTable;
  outbox: OutboxTable;
  destination_state: DestinationStateTable;
  statements: StatementsTable;
  statement_agents: StatementAgentsTable;
  statement_activities: StatementActivitiesTable;
  attachments: AttachmentsTable;
  lrs_credentials: LrsCredentialsTable;
  documents: DocumentsTable;
  activity_definitions: ActivityDefinitionsTable;
  people: PeopleTable;
  person_identities: PersonIdentitiesTable;
  identity_directory_version: IdentityDirectoryVersionTable;
  held_statements: HeldStatementsTable;
  erasure_audit: ErasureAuditTable;
  job_leases: JobLeasesTable;
}
