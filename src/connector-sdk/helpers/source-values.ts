import { MappingError } from '../connector';

/**
 * Small readers for what a source sends, shared by the connectors' mappings: a JSON object,
 * an instant, a configured base URL. Pure.
 */

/** Whether a JSON value is an object (not null, not an array): a payload's nested part. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A date-time text as the instant it names, in UTC (ISO 8601); undefined when it is not one. */
export function utcTimestampOf(value: unknown): string | undefined {
  const time = typeof value === 'string' ? new Date(value) : undefined;
  return time && !Number.isNaN(time.getTime()) ? time.toISOString() : undefined;
}

/** The statement timestamp from a source's date-time field; one that is not a date-time is a MappingError naming the field. */
export function requireTimestamp(value: unknown, field: string): string {
  const timestamp = utcTimestampOf(value);
  if (timestamp === undefined) throw new MappingError(`${field} ${JSON.stringify(value)} is not a date-time`);
  return timestamp;
}

/** A configured base URL without its trailing slashes, so `${base}/path` has exactly one. */
export function withoutTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** `path` (leading slashes ignored) under a configured base URL (trailing slashes ignored). */
export function urlUnder(base: string, path: string): string {
  return `${withoutTrailingSlash(base)}/${path.replace(/^\/+/, '')}`;
}
