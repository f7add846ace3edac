import type { Statement } from '../xapi/statement';
import type { HttpClient, InstanceState } from './capabilities';
import type { InboundRequest } from './inbound-request';
import type { MappingOutcome } from './outcome';

export type { InboundRequest } from './inbound-request';

/** An answer to a protocol handshake (Slack url_verification, Graph validationToken, Google sync). */
export interface HandshakeReply {
  status: number;
  /** An empty string for no body (204). */
  body: string | object;
  contentType?: string;
  /** Extra response headers (`X-Experience-API-Version`, `Cache-Control: no-store`). */
  headers?: Record<string, string>;
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

/**
 * Evaluates admin-written JSONata with a hard time limit (the host owns the worker pool),
 * so a connector stays a plain object with no threads of its own.
 */
export interface ExpressionEvaluator {
  evaluate(expression: string, input: unknown, bindings?: Record<string, unknown>): Promise<unknown>;
}

/** Checks admin-written expressions when the config loads: the problem (with line and column), or undefined. */
export interface ExpressionChecker {
  check(expression: string): string | undefined;
}

/** What every connector call gets from the host. */
export interface ConnectorContext<C> {
  instanceId: string;
  config: C;
  /** The hub's clock: verification windows, "later" decisions and statement times use it, never Date.now(). */
  now: Date;
  /** The instance's active shared secrets, newest first (several during a rotation). */
  secrets: readonly string[];
  expressions: ExpressionEvaluator;
  /** Outbound HTTP (axios under the host, with timeouts and retries); refused in preview unless recorded. */
  http: HttpClient;
  /** A small key-value store per instance (sync tokens, subscription ids, cursors, caches). */
  state: InstanceState;
  /** Logs a line with the instance id attached; never pass a secret. */
  log(level: 'info' | 'warn', message: string, fields?: Record<string, unknown>): void;
}

/** One source event out of a request (or a scheduled task): dedupe is per event key. */
export interface SourceEvent {
  /** The source's own id for the event, or a hash of its stable fields. Unique per instance. */
  key: string;
  /** What the mapping will see; stored in the inbox as JSON. */
  body: unknown;
}

/** A part of a request the connector could not take (e.g. one bad CSV row); the rest goes on. */
export interface RejectedItem {
  /** Where it was: `line 7`, `value[2]`. */
  at: string;
  reason: string;
}

/** What `split` makes of one request. */
export interface SplitResult {
  events: SourceEvent[];
  rejected?: RejectedItem[];
}

/** What intake accepted of a request, for connectors that shape the 2xx answer. */
export interface AcceptedRequest {
  events: { key: string; eventId: string; duplicate: boolean }[];
  rejected: RejectedItem[];
}

/** The 2xx answer a source expects (Slack's slash-command reply). Status defaults to 200. */
export interface ReplyShape {
  status?: number;
  /** An empty string for no body (204). */
  body: string | object;
  contentType?: string;
  /** Extra response headers (`X-Experience-API-Version`). */
  headers?: Record<string, string>;
}

/** An event as the mapping sees it, read back from the inbox. */
export interface StoredEvent {
  key: string;
  body: unknown;
  /** When the hub received it (ISO 8601): a fallback for statement timestamps. */
  receivedAt: string;
}

/** A recurring job of an instance (renew a subscription, poll a feed). */
export interface ScheduledTask<C> {
  /** How often, in ms, for this instance's config; undefined turns the task off for it. */
  everyMs(config: C): number | undefined;
  /** Events it returns are taken in as if a request had brought them (same dedupe). */
  run(context: ConnectorContext<C>): Promise<SourceEvent[] | void>;
}

/** A problem in an instance's config that the connector found when preparing it. */
export interface ConnectorConfigProblem {
  /** Relative to the instance's `config`, e.g. `mapping`. */
  path: string;
  reason: string;
}

/**
 * What a connector declares (DESIGN.md, "A connector"). A plain object: no Nest, no Redis,
 * no database, no network of its own — everything outside comes through the context, so a
 * connector is tested by calling it.
 *
 * The host runs, per request: handshake? → verify → split → (inbox, 202 or reply) and, per
 * event, in the worker: map → ids → identity → validate → outbox.
 */
export interface Connector<C extends object = object> {
  /** The name instances use in `connector:`; also the folder name under connectors/. */
  id: string;
  name: string;
  description: string;
  /** class-validator DTO for an instance's `config`. */
  configSchema: new () => C;
  /** Checks that need more than the schema (compiling expressions); run once at boot. */
  checkConfig?(config: C, expressions: ExpressionChecker): ConnectorConfigProblem[];
  /** Answers a protocol handshake before anything else; undefined = not a handshake. */
  handshake?(request: InboundRequest, context: ConnectorContext<C>): HandshakeReply | undefined | Promise<HandshakeReply | undefined>;
  /** Signature, token and freshness against the raw body. Must not throw for a bad request: return the reason. */
  verify(request: InboundRequest, context: ConnectorContext<C>): VerifyResult | Promise<VerifyResult>;
  /**
   * One request → 0..n events. Throw RequestRejectedError for a request that cannot be taken at
   * all (the source gets its status and reason); report bad parts in `rejected`.
   */
  split(request: InboundRequest, context: ConnectorContext<C>): SplitResult | SourceEvent[] | Promise<SplitResult | SourceEvent[]>;
  /** One event → statements, ignored with a reason, or later (the host runs map again then). */
  map(event: StoredEvent, context: ConnectorContext<C>): MappingOutcome | Promise<MappingOutcome>;
  /**
   * Shapes the 2xx answer; without it (or when it returns undefined) intake answers 202
   * `{ events: [{ eventKey, eventId, duplicate }], rejected }` (plus `eventId` and `duplicate` for one event).
   */
  reply?(accepted: AcceptedRequest, request: InboundRequest, context: ConnectorContext<C>): ReplyShape | undefined;
  /**
   * Paths under `/hooks/<instance>` besides the hook itself that the host routes to this
   * connector, with `request.path` set (the xAPI pass-through's `/xapi/statements`,
   * `/xapi/about`, `/oauth/token`). The host has a route for each path it knows
   * (src/intake/hooks.controller.ts); a connector that does not list a path gets none of it.
   */
  subPaths?: readonly HookSubPath[];
  /** Recurring jobs, by name (the name is part of the job id: keep it stable). */
  tasks?: Record<string, ScheduledTask<C>>;
}

/** The sub-paths the host can route (each has a route in src/intake/hooks.controller.ts). */
export type HookSubPath = '/xapi/statements' | '/xapi/about' | '/oauth/token';

/** Keeps the config type attached to a connector's definition. */
export function defineConnector<C extends object>(connector: Connector<C>): Connector<C> {
  return connector;
}

/** The source sent something the connector cannot map; never worth retrying. */
export class MappingError extends Error {}

/**
 * The whole request cannot be taken (wrong content type, malformed body, no event key).
 * Intake answers `status` with the reason; nothing is stored.
 */
export class RequestRejectedError extends Error {
  constructor(
    readonly status: 400 | 413 | 415 | 422,
    message: string,
    readonly details: string[] = [],
  ) {
    super(message);
  }
}

/** A statement as a connector emits it; its id derives from instance, event key and `subKey`. */
export type { Statement };
