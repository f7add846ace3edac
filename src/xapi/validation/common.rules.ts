/**
 * Rules for the value types that recur across a Statement: strings, IRIs, UUIDs, language
 * maps, extensions and timestamps. Each reports at the path it is given and returns whether
 * the value passed, so callers can skip checks that depend on it.
 */
import { isRecord, item, mapKey, mustBe, report, type JsonRecord, type RuleContext } from './issues';
import { isIri, isIrl } from './iri';
import { isLanguageTag } from './language-tag';
import { isUuid } from './primitives';
import { parseIsoTimestamp } from './timestamp';

export const IRI_EXAMPLE = 'an absolute IRI with a scheme, such as "http://example.com/xapi/verbs/completed"';

export function checkObject(ctx: RuleContext, value: unknown, path: string, what: string): value is JsonRecord {
  if (isRecord(value)) return true;
  report(ctx, path, mustBe(`${what} (a JSON object)`, value));
  return false;
}

export function checkArray(ctx: RuleContext, value: unknown, path: string, what: string): value is readonly unknown[] {
  if (Array.isArray(value)) return true;
  report(ctx, path, mustBe(`${what} (a JSON array)`, value));
  return false;
}

export function checkString(ctx: RuleContext, value: unknown, path: string): value is string {
  if (typeof value === 'string') return true;
  report(ctx, path, mustBe('a string', value));
  return false;
}

export function checkBoolean(ctx: RuleContext, value: unknown, path: string): value is boolean {
  if (typeof value === 'boolean') return true;
  const hint = value === 'true' || value === 'false' ? ' (use JSON true/false, not a quoted string)' : '';
  report(ctx, path, mustBe('a boolean', value) + hint);
  return false;
}

// xAPI 1.0.3 §2.2.s4.b1.b4/b8: IRIs must follow the format and have a scheme; "" is not an IRI.
export function checkIri(ctx: RuleContext, value: unknown, path: string): value is string {
  if (!checkString(ctx, value, path)) return false;
  if (isIri(value)) return true;
  report(ctx, path, `must be ${IRI_EXAMPLE}`);
  return false;
}

export function checkIrl(ctx: RuleContext, value: unknown, path: string): value is string {
  if (!checkString(ctx, value, path)) return false;
  if (isIrl(value)) return true;
  report(ctx, path, 'must be an IRL with a scheme, such as "https://example.com/page"');
  return false;
}

// xAPI 1.0.3 §2.4.1, §4.4: UUID in standard string form.
export function checkUuid(ctx: RuleContext, value: unknown, path: string): value is string {
  if (!checkString(ctx, value, path)) return false;
  if (isUuid(value)) return true;
  report(ctx, path, 'must be a UUID in standard form, 8-4-4-4-12 hex digits such as "6690e6c9-3ef0-4ed3-8b37-7f3964730bee"');
  return false;
}

// xAPI 1.0.3 §4.2, §2.2.s4.b2: keys are RFC 5646 tags, values strings (null is not a string).
export function checkLanguageMap(ctx: RuleContext, value: unknown, path: string): void {
  if (!checkObject(ctx, value, path, 'a language map like {"en-US": "completed"}')) return;
  for (const tag in value) {
    if (!isLanguageTag(tag)) {
      report(ctx, mapKey(path, tag), 'is not an RFC 5646 language tag; use a tag such as "en", "en-US" or "zh-Hant-TW"');
    }
    const text = value[tag];
    if (typeof text !== 'string') report(ctx, mapKey(path, tag), mustBe('a string', text));
  }
}

export function checkLanguageTag(ctx: RuleContext, value: unknown, path: string): void {
  if (!checkString(ctx, value, path)) return;
  if (!isLanguageTag(value)) {
    report(ctx, path, 'must be an RFC 5646 language tag such as "en", "en-US" or "zh-Hant-TW"');
  }
}

// xAPI 1.0.3 §4.1: keys are IRIs; values are anything, null and "" included (§4.1.s3.b2).
export function checkExtensions(ctx: RuleContext, value: unknown, path: string): void {
  if (!checkObject(ctx, value, path, 'an extensions map of IRI keys to any JSON value')) return;
  for (const key in value) {
    if (!isIri(key)) report(ctx, mapKey(path, key), `is not a valid extension key; extension keys must be ${IRI_EXAMPLE}`);
  }
}

// xAPI 1.0.3 §4.5; IEEE 9274.1.1 (2.0) requires an offset.
export function checkTimestamp(ctx: RuleContext, value: unknown, path: string): void {
  if (!checkString(ctx, value, path)) return;
  const parts = parseIsoTimestamp(value);
  if (parts === undefined) {
    report(ctx, path, 'must be an ISO 8601 date and time such as "2024-05-04T17:00:00.000Z"');
  } else if (parts.negativeZeroOffset) {
    report(ctx, path, 'must not use a negative zero offset (-00, -0000, -00:00); write "Z" or "+00:00" for UTC');
  } else if (parts.offsetMinutes === undefined && ctx.version === '2.0.0') {
    report(ctx, path, 'must include a time zone offset ("Z" or "+hh:mm") under xAPI 2.0, e.g. "2024-05-04T17:00:00.000Z"');
  }
}

/** A property that must be a non-empty JSON array of IRIs (contextAgents/contextGroups relevantTypes). */
export function checkIriList(ctx: RuleContext, value: unknown, path: string): void {
  if (!checkArray(ctx, value, path, 'a non-empty array of IRIs')) return;
  if (value.length === 0) report(ctx, path, 'must contain at least one IRI when present; omit it otherwise');
  value.forEach((iri, i) => checkIri(ctx, iri, item(path, i)));
}
