import { createHash } from 'node:crypto';
import type { SourceEvent } from '../../src/connector-sdk';
import { type CalendarOccurrence, type IcsWindow, occurrenceKey, occurrencesFromIcs } from '../../src/connector-sdk/calendar';
import type { IcsConfig } from './config';

export const PLATFORM = 'ICS feed';

/** What an ICS event carries: one occurrence as it stood in the file. */
export interface OccurrenceBody {
  occurrence: CalendarOccurrence;
}

export function isOccurrenceBody(body: unknown): body is OccurrenceBody {
  return typeof body === 'object' && body !== null && 'occurrence' in body;
}

/** From `lookbackDays` ago to `windowFutureDays` ahead of now. */
export function windowAround(now: Date, config: IcsConfig): IcsWindow {
  return { from: new Date(now.getTime() - config.lookbackDays * 86_400_000), to: new Date(now.getTime() + config.windowFutureDays * 86_400_000) };
}

/**
 * One event per occurrence. The key is the occurrence plus a digest of everything in it, so
 * polling an unchanged feed again is a duplicate (nothing new), while a moved, retitled,
 * cancelled or newly accepted occurrence is a new event the mapping compares with what was sent.
 */
export function occurrenceEvents(text: string, window: IcsWindow, config: IcsConfig): SourceEvent[] {
  return occurrencesFromIcs(text, window, config.timeZone).map((found) => {
    const occurrence: CalendarOccurrence = config.calendarId ? { ...found, calendarId: config.calendarId } : found;
    const digest = createHash('sha256').update(JSON.stringify(occurrence)).digest('hex').slice(0, 16);
    return { key: `occurrence:${occurrenceKey(occurrence)}:${digest}`, body: { occurrence } satisfies OccurrenceBody };
  });
}
