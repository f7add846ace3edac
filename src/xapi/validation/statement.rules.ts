/**
 * Statements, SubStatements and the Statement object (xAPI 1.0.3 §2.2, §2.4, §2.4.4;
 * IEEE 9274.1.1 §4.2.1-§4.2.2). Composes the per-part rules.
 */
import type { XapiVersion } from '../xapi-version';
import { checkActivity } from './activity.rules';
import { checkActor, checkAuthority } from './agent.rules';
import { checkAttachments } from './attachment.rules';
import { checkObject, checkString, checkTimestamp, checkUuid } from './common.rules';
import { checkContext } from './context.rules';
import {
  checkProperties,
  child,
  mustBe,
  newContext,
  report,
  requireProperty,
  shape,
  type JsonRecord,
  type RuleContext,
  type ValidationIssue,
} from './issues';
import { isStatementVersion } from './primitives';
import { checkResult } from './result.rules';
import { checkStatementRef } from './statement-ref.rules';
import { checkVerb, VOIDED_VERB } from './verb.rules';

const CORE_KEYS = ['actor', 'verb', 'object', 'result', 'context', 'timestamp', 'attachments'];
const STATEMENT = shape('a Statement', ['id', ...CORE_KEYS, 'stored', 'authority', 'version']);

// xAPI 1.0.3 §2.4.4.3.s8.b3: a SubStatement has no id, stored, version or authority.
const NOT_IN_SUBSTATEMENT = 'is not allowed in a SubStatement (xAPI §2.4.4.3); only the outer Statement has it';
const SUB_STATEMENT = shape('a SubStatement', ['objectType', ...CORE_KEYS], {
  id: NOT_IN_SUBSTATEMENT,
  stored: NOT_IN_SUBSTATEMENT,
  version: NOT_IN_SUBSTATEMENT,
  authority: NOT_IN_SUBSTATEMENT,
});

const OBJECT_TYPES = ['Activity', 'Agent', 'Group', 'StatementRef', 'SubStatement'];

/**
 * Validates one Statement as received by an LRS under `version`; [] means valid. Never throws
 * on bad data (only on an unsupported `version`) and never changes the Statement.
 */
export function validateStatement(statement: unknown, version: XapiVersion): ValidationIssue[] {
  const ctx = newContext(version);
  if (!checkObject(ctx, statement, '', 'a Statement')) return ctx.issues;
  checkProperties(ctx, statement, '', STATEMENT);
  if (statement.id !== undefined) checkUuid(ctx, statement.id, 'id');
  checkCore(ctx, statement, '', false);
  // §2.4.8.s3.b2: the LRS overwrites "stored", but validates it first.
  if (statement.stored !== undefined) checkTimestamp(ctx, statement.stored, 'stored');
  if (statement.authority !== undefined) checkAuthority(ctx, statement.authority, 'authority');
  if (statement.version !== undefined) checkVersion(ctx, statement.version, 'version');
  return ctx.issues;
}

/** What a Statement and a SubStatement share (§2.4.4.3.s8.b2: a SubStatement is validated as a Statement). */
function checkCore(ctx: RuleContext, statement: JsonRecord, path: string, inSubStatement: boolean): void {
  // §2.2.s2.b3: actor, verb and object are required.
  const owner = inSubStatement ? 'a SubStatement' : 'a Statement';
  if (requireProperty(ctx, statement, 'actor', path, owner)) {
    checkActor(ctx, statement.actor, child(path, 'actor'), { accepts: 'Agent or Group', label: 'the actor' });
  }
  const verbId = requireProperty(ctx, statement, 'verb', path, owner) ? checkVerb(ctx, statement.verb, child(path, 'verb')) : undefined;
  const objectType = requireProperty(ctx, statement, 'object', path, owner)
    ? checkStatementObject(ctx, statement.object, child(path, 'object'), inSubStatement)
    : undefined;

  // §2.3.2.s2.b1: a voiding Statement's object is a StatementRef.
  if (verbId === VOIDED_VERB && objectType !== undefined && objectType !== 'StatementRef') {
    report(ctx, child(path, 'object'), `must be a StatementRef to the Statement being voided, because the verb is "${VOIDED_VERB}"`);
  }

  if (statement.result !== undefined) checkResult(ctx, statement.result, child(path, 'result'));
  if (statement.context !== undefined) checkContext(ctx, statement.context, child(path, 'context'), objectType);
  // §2.4.7.s3.b6: a future timestamp is fine; the format is not negotiable.
  if (statement.timestamp !== undefined) checkTimestamp(ctx, statement.timestamp, child(path, 'timestamp'));
  if (statement.attachments !== undefined) checkAttachments(ctx, statement.attachments, child(path, 'attachments'));
}

/**
 * §2.4.4: dispatches on objectType (absent = Activity). Returns the objectType when it is one
 * of the five, so context rules can depend on it; undefined when it is not.
 */
function checkStatementObject(ctx: RuleContext, value: unknown, path: string, inSubStatement: boolean): string | undefined {
  if (!checkObject(ctx, value, path, 'an Activity, Agent, Group, StatementRef or SubStatement')) return undefined;
  const objectType = value.objectType;
  switch (objectType) {
    case undefined:
    case 'Activity':
      checkActivity(ctx, value, path);
      return 'Activity';
    case 'Agent':
    case 'Group':
      // §2.4.4.2.s1.b1: as an object, an Agent or Group always states its objectType (it does here).
      checkActor(ctx, value, path, { accepts: objectType, label: 'the object' });
      return objectType;
    case 'StatementRef':
      checkStatementRef(ctx, value, path);
      return objectType;
    case 'SubStatement':
      if (inSubStatement) {
        // §2.4.4.3.s8.b4: SubStatements cannot be nested.
        report(ctx, child(path, 'objectType'), 'a SubStatement cannot contain another SubStatement; use a StatementRef or an Activity');
        return undefined;
      }
      checkSubStatement(ctx, value, path);
      return objectType;
    default:
      reportObjectType(ctx, objectType, child(path, 'objectType'));
      return undefined;
  }
}

function reportObjectType(ctx: RuleContext, objectType: unknown, path: string): void {
  if (typeof objectType !== 'string') {
    report(ctx, path, mustBe(`one of the strings ${OBJECT_TYPES.join(', ')}`, objectType));
    return;
  }
  const sameButCase = OBJECT_TYPES.find((t) => t.toLowerCase() === objectType.toLowerCase());
  report(
    ctx,
    path,
    sameButCase !== undefined
      ? `must be exactly "${sameButCase}"; objectType values are case-sensitive`
      : `must be one of ${OBJECT_TYPES.join(', ')}`,
  );
}

function checkSubStatement(ctx: RuleContext, value: JsonRecord, path: string): void {
  checkProperties(ctx, value, path, SUB_STATEMENT);
  checkCore(ctx, value, path, true);
}

// xAPI 1.0.3 §2.4.10.s3; IEEE 9274.1.1 §4.2.2 "version".
function checkVersion(ctx: RuleContext, value: unknown, path: string): void {
  if (!checkString(ctx, value, path)) return;
  if (isStatementVersion(value, ctx.version)) return;
  const accepted = ctx.version === '1.0.3' ? '"1.0" or "1.0.x"' : '"1.0.x" or "2.0.x"';
  report(ctx, path, `must be ${accepted} under xAPI ${ctx.version}; omit it and the LRS records the version itself`);
}
