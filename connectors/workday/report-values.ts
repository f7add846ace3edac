import { localToUtc, startOfDayUtc } from '../../src/connector-sdk/helpers/time-zones';

/**
 * Reading a RaaS JSON value. A column comes as text, a number or a boolean; a reference
 * column set to show IDs comes as `{ Descriptor, ID: [{ type, value }, …] }` (the JSON form
 * of the XML `wd:Descriptor` attribute and `wd:ID` elements); a multi-instance column as an
 * array of those. A single value is what every field here means, so an array gives its first.
 */
export type ReportValue = string | number | boolean | null | undefined | ReportReference | ReportValue[];

export interface ReportReference {
  Descriptor?: string;
  ID?: { type?: string; value?: string }[] | { type?: string; value?: string };
}

function single(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * A column of a row by its XML alias, or inside a group by a dotted path: a column taken from a
 * related business object comes grouped (`"Learning_Enrollment_group": { "Completion_Date": … }`,
 * an array when there are several). XML aliases cannot contain dots, so the path is unambiguous.
 */
export function valueAt(row: Record<string, unknown>, path: string): unknown {
  return path.split('.').reduce<unknown>((value, name) => {
    const one = single(value);
    return typeof one === 'object' && one !== null ? (one as Record<string, unknown>)[name] : undefined;
  }, row);
}

/** The text of a value: itself, or a reference's Descriptor. Blank is undefined. */
export function textOf(value: unknown): string | undefined {
  const one = single(value);
  if (typeof one === 'string') return one.trim() === '' ? undefined : one.trim();
  if (typeof one === 'number' || typeof one === 'boolean') return String(one);
  if (typeof one === 'object' && one !== null && 'Descriptor' in one) return textOf((one as ReportReference).Descriptor);
  return undefined;
}

/**
 * The id of a value: itself as text, or a reference's business id. Workday gives a reference
 * its WID and usually a business id (`Employee_ID`, `Learning_Course_ID`); the business id is
 * what admins and other systems know, so it wins, and the WID is the fallback.
 */
export function idOf(value: unknown): string | undefined {
  const one = single(value);
  if (typeof one !== 'object' || one === null) return textOf(one);
  const raw = (one as ReportReference).ID;
  const ids = (Array.isArray(raw) ? raw : raw ? [raw] : []).filter((id) => typeof id?.value === 'string' && id.value.trim() !== '');
  const chosen = ids.find((id) => id.type !== 'WID') ?? ids[0];
  return chosen?.value?.trim();
}

/** A number from a column (`92`, `"92.5"`); undefined when blank, NaN when not a number. */
export function numberOf(value: unknown): number | undefined {
  const one = single(value);
  if (typeof one === 'number') return one;
  const text = textOf(one);
  return text === undefined ? undefined : Number(text);
}

/** Workday writes dates as `2026-11-03` or with the tenant's offset, `2026-11-03-08:00`. */
const WORKDAY_DATE = /^(\d{4}-\d{2}-\d{2})(?:Z|[+-]\d{2}:\d{2})?$/;
const HAS_OFFSET = /(?:Z|[+-]\d{2}:?\d{2})$/;

/**
 * When a date column happened, in UTC. A date (with or without Workday's offset suffix) is a
 * calendar day: its start in the instance's zone. A date-time with an offset is that instant;
 * one without is wall-clock time in the instance's zone. Unreadable → RangeError.
 */
export function instantOf(text: string, zone: string): Date {
  const date = WORKDAY_DATE.exec(text);
  if (date) return startOfDayUtc(date[1], zone);
  if (HAS_OFFSET.test(text)) {
    const instant = new Date(text);
    if (Number.isNaN(instant.getTime())) throw new RangeError(`"${text}" is not a date-time`);
    return instant;
  }
  return localToUtc(text, zone);
}
