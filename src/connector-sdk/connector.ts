import type { Statement } from '../xapi/statement';

/** A webhook as the connector sees it: raw bytes for signatures, parsed body for mapping. */
export interface InboundRequest {
  /** Header names are lower-case. */
  headers: Readonly<Record<string, string | undefined>>;
  rawBody: Buffer;
  /** The parsed JSON body, or undefined when the body is not JSON. */
  body: unknown;
  query: Readonly<Record<string, string | undefined>>;
  receivedAt: Date;
}

/** An answer to a protocol handshake (Slack url_verification, Graph validationToken). */
export interface HandshakeReply {
  status: number;
  body: string | object;
  contentType?: string;
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

/**
 * Evaluates admin-written JSONata with a hard time limit (the host owns the worker pool),
 * so a connector stays a plain object with no threads of its own.
 */
export interface ExpressionEvaluator {
  evaluate(expression: string, input: unknown, bindings?: Record<string, unknown>): Promise<unknown>;
}

export interface ConnectorContext<C> {
  instanceId: string;
  config: C;
  expressions: ExpressionEvaluator;
}

export interface MappingContext<C> extends ConnectorContext<C> {
  /** The source's event key, as `eventKey` returned it at intake. */
  eventKey: string;
  /** When the hub received the event (ISO 8601), a fallback for statement timestamps. */
  receivedAt: string;
}

/** A problem in an instance's config that the connector found when preparing it. */
export interface ConnectorConfigProblem {
  /** Relative to the instance's `config`, e.g. `mapping`. */
  path: string;
  reason: string;
}

/**
 * What a connector declares (DESIGN.md, "A connector"). Everything here is pure: no Nest,
 * no Redis, no database — a connector can be tested by calling it.
 */
export interface Connector<C extends object = object> {
  /** The name instances use in `connector:`; also the folder name under connectors/. */
  id: string;
  name: string;
  description: string;
  /** class-validator DTO for an instance's `config`. */
  configSchema: new () => C;
  /** Checks that need more than the schema (compiling expressions); run once at boot. */
  checkConfig?(config: C): ConnectorConfigProblem[];
  handshake?(request: InboundRequest, config: C): HandshakeReply | undefined;
  verify(request: InboundRequest, config: C): VerifyResult;
  /** The source's own event id, or a hash of the stable fields: the dedupe key. */
  eventKey(event: unknown, request: InboundRequest, context: ConnectorContext<C>): Promise<string> | string;
  toStatements(event: unknown, context: MappingContext<C>): Promise<Statement[]> | Statement[];
}

/** Keeps the config type attached to a connector's definition. */
export function defineConnector<C extends object>(connector: Connector<C>): Connector<C> {
  return connector;
}

/** The source sent something the connector cannot map; never worth retrying. */
export class MappingError extends Error {}
