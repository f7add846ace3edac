import type { Statement } from '../xapi/statement';
import { type ValidationIssue, validateStatement } from '../xapi/validation';
import type { XapiVersion } from '../xapi/xapi-version';
import type { KeyedStatement } from './outcome';
import { statementIdFor } from './statement-id';

export interface InvalidStatement {
  statement: Statement;
  reasons: ValidationIssue[];
}

export interface CheckedStatements {
  valid: Statement[];
  invalid: InvalidStatement[];
}

/** Two statements of one event with the same sub-key would get the same id: a connector bug. */
export class DuplicateSubKeyError extends Error {}

/**
 * Gives each keyed statement its deterministic id (a statement that carries its own keeps it)
 * and checks it under every xAPI version it will be sent as. Live traffic, preview and the
 * connectors' sample tests all go through here (live traffic in its two halves, with identity
 * resolution between them), so they cannot disagree.
 */
export function checkKeyedStatements(
  instanceId: string,
  eventKey: string,
  keyed: readonly KeyedStatement[],
  versions: readonly XapiVersion[],
): CheckedStatements {
  return validateStatements(assignStatementIds(instanceId, eventKey, keyed), versions);
}

/**
 * The ids: UUID v5 of instance + event key + sub-key, or the statement's own. The actor is
 * not part of it, so resolving who the actor is afterwards keeps the id.
 */
export function assignStatementIds(instanceId: string, eventKey: string, keyed: readonly KeyedStatement[]): Statement[] {
  const seen = new Set<string>();
  return keyed.map(({ subKey, statement }) => {
    if (seen.has(subKey)) throw new DuplicateSubKeyError(`two statements of event "${eventKey}" share the sub-key "${subKey}"`);
    seen.add(subKey);
    return { ...statement, id: statement.id ?? statementIdFor(instanceId, eventKey, subKey) };
  });
}

/** Each statement checked under every xAPI version it will be sent as: valid ones, and the others with their reasons. */
export function validateStatements(statements: readonly Statement[], versions: readonly XapiVersion[]): CheckedStatements {
  const result: CheckedStatements = { valid: [], invalid: [] };
  for (const statement of statements) {
    const reasons = versions.flatMap((version) =>
      validateStatement(statement, version).map((issue) => (versions.length > 1 ? { ...issue, reason: `xAPI ${version}: ${issue.reason}` } : issue)),
    );
    if (reasons.length === 0) result.valid.push(statement);
    else result.invalid.push({ statement, reasons });
  }
  return result;
}
