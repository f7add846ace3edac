import type { ConnectorContext, StoredEvent } from '../connector-sdk/connector';
import { MappingError } from '../connector-sdk/connector';
import { assignStatementIds, validateStatements } from '../connector-sdk/keyed-statements';
import type { PersonHint } from '../connector-sdk/outcome';
import type { ConnectorInstance } from '../connector-host/connector-instances';
import type { Statement } from '../xapi/statement';
import type { ValidationIssue } from '../xapi/validation';
import type { XapiVersion } from '../xapi/xapi-version';

export interface QuarantinedStatement {
  statement: unknown;
  issues: ValidationIssue[];
}

/**
 * What one inbox event became. `people` is what the connector learned about who is who
 * (an HR record, Slack users.info): the seam where the identity directory takes it.
 */
export type NormalizedEvent =
  | { kind: 'statements'; statements: Statement[]; quarantined: QuarantinedStatement[]; people: PersonHint[]; held: number }
  | { kind: 'ignored'; reason: string; people: PersonHint[] }
  | { kind: 'later'; dueAt: Date; reason: string };

/** A "later" sooner than this is pushed back to it, so a connector that keeps saying "now" cannot spin a worker. */
export const MIN_LATER_DELAY_MS = 1000;

/**
 * Who the actors are, between the connector and validation: `learn` takes the event's person
 * hints first (an HR record, Slack users.info), so `resolve` already knows the people of that
 * very event; `resolve` answers the statements that go on (canonical actors) and keeps back
 * those it holds for an unknown learner.
 */
export interface IdentityStep {
  learn(people: readonly PersonHint[]): Promise<void>;
  resolve(statements: Statement[]): Promise<{ statements: Statement[]; held: readonly Statement[] }>;
}

/** No directory (preview, the connectors' own tests): statements go on as the connector wrote them. */
export const NO_IDENTITY: IdentityStep = {
  learn: async () => undefined,
  resolve: async (statements) => ({ statements, held: [] }),
};

/**
 * Map → ids → identity → validate, for one inbox event, through the same SDK functions preview
 * and the connectors' sample tests use (checkKeyedStatements is ids + validation): the same
 * event, config and directory always give the same statements with the same ids. Ids come
 * before identity and do not depend on the actor, so resolution never changes them.
 */
export async function normalizeEvent(
  instance: ConnectorInstance,
  event: StoredEvent,
  context: ConnectorContext<object>,
  /** The versions the event's destinations speak: a statement must be valid in each. */
  versions: readonly XapiVersion[],
  identity: IdentityStep = NO_IDENTITY,
): Promise<NormalizedEvent> {
  const outcome = await instance.connector.map(event, context);
  if (outcome.kind === 'later') return { kind: 'later', dueAt: laterDue(outcome.at, context.now), reason: outcome.reason };
  const people = outcome.people ?? [];
  // An HR employee record comes as "ignored" with people: it is learned all the same.
  if (people.length > 0) await identity.learn(people);
  if (outcome.kind === 'ignored') return { kind: 'ignored', reason: outcome.reason, people };
  const resolved = await identity.resolve(assignStatementIds(instance.id, event.key, outcome.statements));
  const checked = validateStatements(resolved.statements, versions);
  return {
    kind: 'statements',
    statements: checked.valid,
    quarantined: checked.invalid.map(({ statement, reasons }) => ({ statement, issues: reasons })),
    people,
    held: resolved.held.length,
  };
}

/** When a "later" event is mapped again: its time, but never sooner than MIN_LATER_DELAY_MS from now. */
export function laterDue(at: string, now: Date): Date {
  const due = new Date(at);
  if (Number.isNaN(due.getTime())) throw new MappingError(`the connector asked to map the event again "later" at "${at}", which is not a time`);
  return new Date(Math.max(due.getTime(), now.getTime() + MIN_LATER_DELAY_MS));
}
