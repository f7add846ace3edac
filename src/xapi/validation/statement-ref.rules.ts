/** Statement References (xAPI 1.0.3 §2.4.4.3 "Statement References"; IEEE 9274.1.1 §4.2.2.3). */
import { checkObject, checkUuid } from './common.rules';
import { checkProperties, child, report, requireProperty, shape, type RuleContext } from './issues';

const STATEMENT_REF = shape('a StatementRef', ['objectType', 'id']);

/** A StatementRef as a Statement object or as context.statement: objectType "StatementRef" and a UUID id. */
export function checkStatementRef(ctx: RuleContext, value: unknown, path: string): void {
  if (!checkObject(ctx, value, path, 'a StatementRef {"objectType": "StatementRef", "id": UUID}')) return;
  checkProperties(ctx, value, path, STATEMENT_REF);
  // §2.4.4.3.s4.b1: objectType is required and exact.
  if (requireProperty(ctx, value, 'objectType', path, 'a StatementRef') && value.objectType !== 'StatementRef') {
    const hint = typeof value.objectType === 'string' && value.objectType.toLowerCase() === 'statementref' ? '; objectType values are case-sensitive' : '';
    report(ctx, child(path, 'objectType'), `must be "StatementRef"${hint}`);
  }
  // §2.4.4.3.s4.b2: the id of the referenced Statement (which need not exist in the LRS).
  if (requireProperty(ctx, value, 'id', path, 'a StatementRef')) checkUuid(ctx, value.id, child(path, 'id'));
}
