/**
 * Small format predicates the validator and the LRS share. Each regex is compiled once.
 */
import type { XapiVersion } from '../xapi-version';

// xAPI 1.0.3 §4.4, IEEE 9274.1.1 §4.2.7: "UUIDs shall be in the standard string form"
// (8-4-4-4-12 hex). Variant 2 is only recommended, so any version and variant is accepted.
const UUID = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/;

// xAPI 1.0.3 §2.4.2.3: the hex-encoded SHA-1 of a mailto IRI.
const SHA1_HEX = /^[0-9A-Fa-f]{40}$/;

// xAPI 1.0.3 §2.4.11: the SHA-2 of the attachment data, hex: SHA-224/256/384/512.
const HEX = /^[0-9A-Fa-f]+$/;
const SHA2_HEX_LENGTHS: ReadonlySet<number> = new Set([56, 64, 96, 128]);

// RFC 2046 / RFC 6838 "type/subtype", optionally followed by parameters.
const MEDIA_TYPE = /^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*\/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]*(?:\s*;.*)?$/s;

// xAPI 1.0.3 §2.4.10: a Statement's version starts with "1.0." ("1.0" is read as "1.0.0").
const VERSION_1_0 = /^1\.0(?:\.\d+)?$/;
// IEEE 9274.1.1 §4.2.4.3 keeps the version a Statement arrived with; a 2.0 LRS still accepts
// 1.0.x Statements (the conformance suite posts "1.0" and "1.0.9" with a 2.0.0 header).
const VERSION_1_0_OR_2_0 = /^(?:1|2)\.0(?:\.\d+)?$/;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export function isSha1Hex(value: unknown): value is string {
  return typeof value === 'string' && SHA1_HEX.test(value);
}

export function isSha2Hex(value: unknown): value is string {
  return typeof value === 'string' && SHA2_HEX_LENGTHS.has(value.length) && HEX.test(value);
}

export function isMediaType(value: unknown): value is string {
  return typeof value === 'string' && MEDIA_TYPE.test(value);
}

/** Whether a Statement's "version" property is acceptable in a request made under `version`. */
export function isStatementVersion(value: unknown, version: XapiVersion): value is string {
  if (typeof value !== 'string') return false;
  return version === '1.0.3' ? VERSION_1_0.test(value) : VERSION_1_0_OR_2_0.test(value);
}

/** A JSON number that is finite (JSON cannot carry NaN or Infinity, but a caller's object can). */
export function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}
