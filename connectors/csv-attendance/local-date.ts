/**
 * Dates as HR systems and spreadsheets write them, to UTC instants. A date-only value
 * (`2026-11-20`) is the start of that day in the instance's IANA time zone; a date-time without
 * an offset is wall-clock time there; one with an offset or `Z` is taken as written.
 *
 * Shared by the bamboohr, hibob and csv-attendance connectors until the SDK has a time-zone
 * helper (src/connector-sdk/helpers has none yet): this file moves there unchanged.
 */

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2}))?$/;
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** The instant (ISO 8601, UTC) a source's date or date-time means, or undefined when it is not one. */
export function instantOf(value: string, timeZone: string): string | undefined {
  const text = value.trim();
  const dateOnly = DATE_ONLY.exec(text);
  if (dateOnly) return wallClockToUtc(Number(dateOnly[1]), Number(dateOnly[2]), Number(dateOnly[3]), 0, 0, 0, timeZone);
  const local = LOCAL_DATE_TIME.exec(text);
  if (local) {
    const [, y, mo, d, h, mi, s] = local;
    return wallClockToUtc(Number(y), Number(mo), Number(d), Number(h), Number(mi), Number(s ?? 0), timeZone);
  }
  if (!WITH_OFFSET.test(text)) return undefined;
  const time = Date.parse(text.replace(' ', 'T'));
  return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}

/** The UTC instant when the clocks in `timeZone` show this wall time (the later one in a DST gap). */
function wallClockToUtc(year: number, month: number, day: number, hour: number, minute: number, second: number, timeZone: string): string | undefined {
  const asUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(asUtc);
  // 2026-02-30 or 25:00 are not dates: Date.UTC would roll them over silently.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day || hour > 23 || minute > 59 || second > 59) return undefined;
  let instant = asUtc - offsetMs(asUtc, timeZone);
  // Once more at the candidate: the offset can differ there when a DST change lies in between.
  instant = asUtc - offsetMs(instant, timeZone);
  return new Date(instant).toISOString();
}

/** How far `timeZone` is ahead of UTC at `instant`, in ms. */
function offsetMs(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(new Date(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return wall - Math.floor(instant / 1000) * 1000;
}
