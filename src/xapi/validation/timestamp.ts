/**
 * ISO 8601 timestamps and durations.
 *
 * Timestamps (xAPI 1.0.3 §4.5, IEEE 9274.1.1 §4.2.7): a combined date and time in ISO 8601
 * extended (2008-09-15T15:53:00.601+02:00) or basic (20080915T155300.601+0200) format. The
 * offset is optional under 1.0.3 ("SHOULD include the time zone") and required under 2.0
 * (RFC 3339). A negative zero offset (-00, -0000, -00:00) is never valid: ISO 8601 forbids it
 * and the conformance suite rejects it.
 *
 * Durations (xAPI 1.0.3 §4.6): ISO 8601:2004 §4.4.3.2 only — PnYnMnDTnHnMnS or PnW; the
 * alternative format (§4.4.3.3, P0003-01-29T04:35:59) is not allowed.
 */

const EXTENDED =
  /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(?::(\d{2}))?)?$/;
const BASIC = /^(\d{4})(\d{2})(\d{2})[Tt](\d{2})(\d{2})(?:(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2})(\d{2})?)?$/;

export interface TimestampParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
  /** Fraction-of-second digits as written, '' when absent. */
  readonly fraction: string;
  /** Minutes east of UTC; undefined when the timestamp has no offset. */
  readonly offsetMinutes: number | undefined;
  /** -00, -0000 or -00:00: syntactically an offset, but one the spec rejects. */
  readonly negativeZeroOffset: boolean;
}

/** Parses the syntax and checks field ranges (including the days of the month); no other rules. */
export function parseIsoTimestamp(value: string): TimestampParts | undefined {
  const m = EXTENDED.exec(value) ?? BASIC.exec(value);
  if (m === null) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const day = Number(m[3]);
  const hour = Number(m[4]);
  const minute = Number(m[5]);
  const second = m[6] === undefined ? 0 : Number(m[6]);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  if (hour > 23 || minute > 59 || second > 60) return undefined; // 60: leap second
  let offsetMinutes: number | undefined;
  let negativeZeroOffset = false;
  if (m[8] !== undefined) {
    offsetMinutes = 0;
  } else if (m[9] !== undefined) {
    const offsetHours = Number(m[10]);
    const offsetMins = m[11] === undefined ? 0 : Number(m[11]);
    if (offsetHours > 23 || offsetMins > 59) return undefined;
    offsetMinutes = (m[9] === '-' ? -1 : 1) * (offsetHours * 60 + offsetMins);
    negativeZeroOffset = m[9] === '-' && offsetMinutes === 0;
  }
  return { year, month, day, hour, minute, second, fraction: m[7] ?? '', offsetMinutes, negativeZeroOffset };
}

export interface TimestampOptions {
  /** xAPI 2.0: a Timestamp must carry "Z" or a numeric offset. */
  readonly requireOffset?: boolean;
}

export function isIsoTimestamp(value: unknown, options: TimestampOptions = {}): value is string {
  if (typeof value !== 'string') return false;
  const parts = parseIsoTimestamp(value);
  if (parts === undefined || parts.negativeZeroOffset) return false;
  return !(options.requireOffset === true && parts.offsetMinutes === undefined);
}

/**
 * The same instant in UTC with millisecond precision ("2023-05-04T17:00:00.000Z"), as the LRS
 * returns timestamps (IEEE 9274.1.1 §4.2.7: convert to UTC; keep at least milliseconds).
 * A timestamp without an offset is read as UTC. Undefined when the value is not a valid timestamp.
 */
export function toUtcTimestamp(value: string): string | undefined {
  const parts = parseIsoTimestamp(value);
  if (parts === undefined || parts.negativeZeroOffset) return undefined;
  const millis = Number((parts.fraction + '000').slice(0, 3));
  const date = new Date(0);
  date.setUTCFullYear(parts.year, parts.month - 1, parts.day);
  date.setUTCHours(parts.hour, parts.minute - (parts.offsetMinutes ?? 0), parts.second, millis);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

// Each component may carry a decimal fraction; only the last one present may (checked below).
const N = '\\d+(?:[.,]\\d+)?';
const DURATION = new RegExp(
  `^P(?:(?=\\d)(?:${N}Y)?(?:${N}M)?(?:${N}D)?(?:T(?=\\d)(?:${N}H)?(?:${N}M)?(?:${N}S)?)?|T(?=\\d)(?:${N}H)?(?:${N}M)?(?:${N}S)?|${N}W)$`,
);
const FRACTION_NOT_LAST = /[.,]\d+[YMWDHS]./;

export function isIsoDuration(value: unknown): value is string {
  if (typeof value !== 'string' || !DURATION.test(value)) return false;
  // "PT" and "P1DT" leave nothing after a designator; the lookaheads reject them. A fraction
  // is only allowed on the smallest unit written (ISO 8601:2004 §4.4.3.2).
  return !FRACTION_NOT_LAST.test(value);
}
