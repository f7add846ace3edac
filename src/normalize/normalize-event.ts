import type { ConnectorInstance } from '../connector-sdk/connector-instances';
import type { ExpressionEvaluator } from '../connector-sdk/connector';
import type { Statement } from '../xapi/statement';
import { type ValidationIssue, validateStatement } from '../xapi/validation';
import type { XapiVersion } from '../xapi/xapi-version';
import { statementIdFor } from '../connector-sdk/statement-id';

export interface QuarantinedStatement {
  statement: unknown;
  issues: ValidationIssue[];
}

export interface NormalizedEvent {
  statements: Statement[];
  quarantined: QuarantinedStatement[];
}

export interface InboxEventInput {
  eventKey: string;
  receivedAt: string;
  body: unknown;
}

/**
 * Map → id → validate, for one inbox event. Pure but for the expression evaluator: the
 * same event and config always give the same statements with the same ids.
 */
export async function normalizeEvent(
  instance: ConnectorInstance,
  event: InboxEventInput,
  expressions: ExpressionEvaluator,
  /** The versions the event's destinations speak: a statement must be valid in each. */
  versions: readonly XapiVersion[],
): Promise<NormalizedEvent> {
  const mapped = await instance.connector.toStatements(event.body, {
    instanceId: instance.id,
    config: instance.config,
    expressions,
    eventKey: event.eventKey,
    receivedAt: event.receivedAt,
  });
  const result: NormalizedEvent = { statements: [], quarantined: [] };
  mapped.forEach((statement, index) => {
    // A source that carries its own statement ids (xAPI pass-through) keeps them.
    const withId: Statement = { ...statement, id: statement.id ?? statementIdFor(instance.id, event.eventKey, index) };
    const issues = validateForAll(withId, versions);
    if (issues.length === 0) result.statements.push(withId);
    else result.quarantined.push({ statement: withId, issues });
  });
  return result;
}

/** Issues under every version, each named with its version when there is more than one. */
function validateForAll(statement: Statement, versions: readonly XapiVersion[]): ValidationIssue[] {
  return versions.flatMap((version) =>
    validateStatement(statement, version).map((issue) => (versions.length > 1 ? { ...issue, reason: `xAPI ${version}: ${issue.reason}` } : issue)),
  );
}
