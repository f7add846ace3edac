import type { XapiVersion } from '../xapi-version';

/**
 * One reason a value is not valid xAPI. `path` points into the JSON the caller gave us:
 * `actor.mbox`, `context.contextActivities.parent[0].id`, `verb.display["en_US"]`.
 * The empty path means the value itself (e.g. a Statement that is not a JSON object).
 */
export interface ValidationIssue {
  path: string;
  reason: string;
}

/** A parsed JSON object, read-only: the validator never changes what it is given. */
export type JsonRecord = { readonly [key: string]: unknown };

/** What every rule receives: the version whose rules apply, and where issues go. */
export interface RuleContext {
  readonly version: XapiVersion;
  readonly issues: ValidationIssue[];
}

export function newContext(version: XapiVersion): RuleContext {
  if (version !== '1.0.3' && version !== '2.0.0') {
    // A caller bug, not bad data: fail loudly rather than validate against nothing.
    throw new RangeError(`unsupported xAPI version "${String(version)}"; expected "1.0.3" or "2.0.0"`);
  }
  return { version, issues: [] };
}

export function report(ctx: RuleContext, path: string, reason: string): void {
  ctx.issues.push({ path, reason });
}

export function isRecord(value: unknown): value is JsonRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The JSON type of a value, for "got …" in reasons. Values themselves are never echoed (they may be personal data). */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return value === '' ? 'an empty string' : 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

/** "must be X, got Y", with the null hint the spec's "no nulls except in extensions" rule calls for. */
export function mustBe(expected: string, value: unknown): string {
  const got = describeType(value);
  const hint = value === null ? '; omit the property instead of sending null' : '';
  return `must be ${expected}, got ${got}${hint}`;
}

export function child(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

export function item(path: string, index: number): string {
  return `${path}[${index}]`;
}

/** For keys that are data (language tags, extension IRIs): quoted so dots in them stay readable. */
export function mapKey(path: string, key: string): string {
  return `${path}[${JSON.stringify(key)}]`;
}

/** The properties an object may have, computed once per kind of object. */
export interface Shape {
  readonly name: string;
  readonly keys: ReadonlySet<string>;
  readonly listed: string;
  readonly byLowerCase: ReadonlyMap<string, string>;
  /** Keys that are known but forbidden here, with the reason to give. */
  readonly forbidden: ReadonlyMap<string, string>;
}

export function shape(name: string, keys: readonly string[], forbidden: Readonly<Record<string, string>> = {}): Shape {
  return {
    name,
    keys: new Set(keys),
    listed: keys.join(', '),
    byLowerCase: new Map(keys.map((k) => [k.toLowerCase(), k])),
    forbidden: new Map(Object.entries(forbidden)),
  };
}

/**
 * xAPI 1.0.3 §2.2.s4.b1.b5/b7, IEEE 9274.1.1 §4.2.1: reject properties the spec does not define
 * for this object, including known ones in the wrong case.
 */
export function checkProperties(ctx: RuleContext, obj: JsonRecord, path: string, allowed: Shape): void {
  for (const key in obj) {
    if (allowed.keys.has(key)) continue;
    const forbidden = allowed.forbidden.get(key);
    if (forbidden !== undefined) {
      report(ctx, child(path, key), forbidden);
      continue;
    }
    const sameButCase = allowed.byLowerCase.get(key.toLowerCase());
    const where = mapKeyOrChild(path, key);
    if (sameButCase !== undefined) {
      report(ctx, where, `is not a property of ${allowed.name}; property names are case-sensitive, did you mean "${sameButCase}"?`);
    } else {
      report(ctx, where, `is not a property of ${allowed.name}; allowed properties: ${allowed.listed}`);
    }
  }
}

const PLAIN_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

function mapKeyOrChild(path: string, key: string): string {
  return PLAIN_KEY.test(key) ? child(path, key) : mapKey(path, key);
}

/** Reports a missing required property; returns whether it is there. JSON has no undefined, so undefined means absent. */
export function requireProperty(ctx: RuleContext, obj: JsonRecord, key: string, path: string, owner: string): boolean {
  if (obj[key] !== undefined) return true;
  report(ctx, child(path, key), `is required in ${owner}`);
  return false;
}
