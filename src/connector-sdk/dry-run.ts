import type { Statement } from '../xapi/statement';
import type { XapiVersion } from '../xapi/xapi-version';
import type { Connector, ConnectorContext, HandshakeReply, InboundRequest, RejectedItem, ReplyShape, SplitResult, SourceEvent, VerifyResult } from './connector';
import { MappingError, RequestRejectedError } from './connector';
import { checkKeyedStatements, type InvalidStatement } from './keyed-statements';
import type { PersonHint } from './outcome';
import { eventIdFor } from './event-id';

/** What one event became, in the shape `POST /admin/api/preview` answers. */
export interface DryRunEvent {
  eventKey: string;
  statements: Statement[];
  ignored?: string;
  later?: string;
  invalid: InvalidStatement[];
  people?: PersonHint[];
  /** The mapping failed (MappingError): what it said. */
  error?: string;
}

export interface DryRunResult {
  handshake?: HandshakeReply;
  /** Absent when verification was skipped. */
  verified?: VerifyResult;
  /** The request as a whole was refused (status and reason), as intake would answer. */
  refused?: { status: number; error: string; details: string[] };
  events: DryRunEvent[];
  rejected: RejectedItem[];
  reply?: ReplyShape;
}

/** Normalises what `split` may return. */
export function splitResultOf(result: SplitResult | SourceEvent[]): Required<SplitResult> {
  return Array.isArray(result) ? { events: result, rejected: [] } : { events: result.events, rejected: result.rejected ?? [] };
}

/**
 * One request through a connector the way live traffic goes — handshake, verify, split, then
 * map, ids and validation per event — with nothing stored or queued. The context decides what
 * the outside looks like (recorded HTTP, in-memory state): preview and the connectors' sample
 * tests both run this, so a sample that passes here maps the same way live.
 */
export async function dryRun<C extends object>(
  connector: Connector<C>,
  request: InboundRequest,
  context: ConnectorContext<C>,
  options: { verify: boolean; versions: readonly XapiVersion[] },
): Promise<DryRunResult> {
  const handshake = await connector.handshake?.(request, context);
  if (handshake) return { handshake, events: [], rejected: [] };
  let verified: VerifyResult | undefined;
  if (options.verify) {
    verified = await connector.verify(request, context);
    if (!verified.ok) return { verified, events: [], rejected: [] };
  }
  let split: Required<SplitResult>;
  try {
    split = splitResultOf(await connector.split(request, context));
  } catch (error) {
    if (!(error instanceof RequestRejectedError)) throw error;
    return { verified, refused: { status: error.status, error: error.message, details: error.details }, events: [], rejected: [] };
  }
  const events: DryRunEvent[] = [];
  for (const event of split.events) {
    events.push(await mapOne(connector, event, request.receivedAt, context, options.versions));
  }
  const accepted = {
    events: split.events.map((e) => ({ key: e.key, eventId: eventIdFor(context.instanceId, e.key), duplicate: false })),
    rejected: split.rejected,
  };
  const reply = connector.reply?.(accepted, request, context);
  return { verified, events, rejected: split.rejected, ...(reply ? { reply } : {}) };
}

async function mapOne<C extends object>(
  connector: Connector<C>,
  event: SourceEvent,
  receivedAt: Date,
  context: ConnectorContext<C>,
  versions: readonly XapiVersion[],
): Promise<DryRunEvent> {
  // The inbox keeps the body as JSON: map sees what a JSON round trip leaves of it.
  const stored = { key: event.key, body: JSON.parse(JSON.stringify(event.body ?? null)) as unknown, receivedAt: receivedAt.toISOString() };
  try {
    const outcome = await connector.map(stored, context);
    if (outcome.kind === 'ignored') return { eventKey: event.key, statements: [], ignored: outcome.reason, invalid: [], ...people(outcome.people) };
    if (outcome.kind === 'later') return { eventKey: event.key, statements: [], later: outcome.at, invalid: [] };
    const checked = checkKeyedStatements(context.instanceId, event.key, outcome.statements, versions);
    return { eventKey: event.key, statements: checked.valid, invalid: checked.invalid, ...people(outcome.people) };
  } catch (error) {
    if (error instanceof MappingError) return { eventKey: event.key, statements: [], invalid: [], error: error.message };
    throw error;
  }
}

function people(list: PersonHint[] | undefined): { people?: PersonHint[] } {
  return list && list.length > 0 ? { people: list } : {};
}
