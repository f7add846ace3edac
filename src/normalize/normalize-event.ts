import type { ConnectorInstance } from '../connector-sdk/connector-instances';
import type { ExpressionEvaluator } from '../connector-sdk/connector';
import type { Statement } from '../xapi/statement';
import { type ValidationIssue, validateStatement } from '../xapi/validation';
import { statementIdFor } from './statement-id';

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
    const issues = validateStatement(withId, '1.0.3');
    if (issues.length === 0) result.statements.push(withId);
    else result.quarantined.push({ statement: withId, issues });
  });
  return result;
}
