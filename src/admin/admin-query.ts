import { badRequest } from '../http/http-errors';

/** An optional ISO 8601 instant from a query or body; undefined when absent, 400 when unreadable. */
export function optionalInstant(value: unknown, name: string): string | undefined {
  if (value === undefined || value === '') return undefined;
  const at = typeof value === 'string' ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) throw badRequest(`${name} must be an ISO 8601 instant`, [`${name}: got ${JSON.stringify(value)}, e.g. 2026-11-28T00:00:00Z`]);
  return new Date(at).toISOString();
}

/** `limit` query parameter: 1..1000, default 100. */
export function pageLimit(value: unknown): number {
  if (value === undefined || value === '') return 100;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw badRequest('limit must be an integer from 1 to 1000', [`limit: got ${JSON.stringify(value)}`]);
  return limit;
}

/** An optional non-empty string filter. */
export function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

export function parseJsonColumn(text: string | null): unknown {
  if (text === null) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
