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
 * connectors' sample tests all go through here, so they cannot disagree.
 */
export function checkKeyedStatements(
  instanceId: string,
  eventKey: string,
  keyed: readonly KeyedStatement[],
  versions: readonly XapiVersion[],
): CheckedStatements {
  const seen = new Set<string>();
  const result: CheckedStatements = { valid: [], invalid: [] };
  for (const { subKey, statement } of keyed) {
    if (seen.has(subKey)) throw new DuplicateSubKeyError(`two statements of event "${eventKey}" share the sub-key "${subKey}"`);
    seen.add(subKey);
    const withId: Statement = { ...statement, id: statement.id ?? statementIdFor(instanceId, eventKey, subKey) };
    const reasons = versions.flatMap((version) =>
      validateStatement(withId, version).map((issue) => (versions.length > 1 ? { ...issue, reason: `xAPI ${version}: ${issue.reason}` } : issue)),
    );
    if (reasons.length === 0) result.valid.push(withId);
    else result.invalid.push({ statement: withId, reasons });
  }
  return result;
}
