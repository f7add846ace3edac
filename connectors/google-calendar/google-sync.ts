import type { ConnectorContext } from '../../src/connector-sdk';
import type { CalendarOccurrence } from '../../src/connector-sdk/calendar';
import type { GoogleCalendarConfig } from './config';
import { calendarPath, googleCall } from './google-api';
import { type GoogleEvent, occurrenceFromGoogle } from './google-event.mapping';

type Context = ConnectorContext<GoogleCalendarConfig>;

const SYNC_TOKEN = 'google:syncToken';
/** The occurrence last seen per Google event (instance) id: what a bare cancellation refers to. */
const seenKey = (eventId: string) => `google:seen:${eventId}`;

interface EventsPage {
  items?: GoogleEvent[];
  nextPageToken?: string;
  nextSyncToken?: string;
}

/**
 * What changed in the calendar since the stored sync token (events.list, singleEvents=true so
 * each instance of a series is its own item), following pages, keeping the new token. Without
 * a token, or when Google answers 410 Gone (token expired), a full sync from `lookbackDays` ago.
 */
export async function changedOccurrences(context: Context): Promise<CalendarOccurrence[]> {
  const token = await context.state.get<string>(SYNC_TOKEN);
  let items: GoogleEvent[] | 'gone' = await listAll(context, token);
  if (items === 'gone') {
    context.log('warn', 'Google sync token expired (410): full resync');
    await context.state.delete(SYNC_TOKEN);
    items = await listAll(context, undefined);
    if (items === 'gone') throw new Error('Google answered 410 to a full sync');
  }
  const occurrences: CalendarOccurrence[] = [];
  for (const item of items) {
    const occurrence = await occurrenceOfItem(item, context);
    if (occurrence) occurrences.push(occurrence);
  }
  return occurrences;
}

async function listAll(context: Context, syncToken: string | undefined): Promise<GoogleEvent[] | 'gone'> {
  const items: GoogleEvent[] = [];
  let pageToken: string | undefined;
  do {
    const params: Record<string, string> = { singleEvents: 'true', maxResults: '250', showDeleted: 'true' };
    // syncToken excludes timeMin (Google answers 400); the full sync bounds the past instead.
    if (syncToken) params.syncToken = syncToken;
    else params.timeMin = new Date(context.now.getTime() - context.config.lookbackDays * 86_400_000).toISOString();
    if (pageToken) params.pageToken = pageToken;
    const answer = await googleCall<EventsPage>(context, { path: calendarPath(context, 'events'), params });
    if (answer.status === 410) return 'gone';
    if (answer.status !== 200) throw new Error(`Google Calendar events.list answered ${answer.status}`);
    items.push(...(answer.data.items ?? []));
    pageToken = answer.data.nextPageToken;
    if (!pageToken && answer.data.nextSyncToken) await context.state.set(SYNC_TOKEN, answer.data.nextSyncToken);
  } while (pageToken);
  return items;
}

/** A full item → its occurrence (remembered); a bare cancellation → the occurrence last seen for it, cancelled. */
async function occurrenceOfItem(item: GoogleEvent, context: Context): Promise<CalendarOccurrence | undefined> {
  const occurrence = occurrenceFromGoogle(item, context.config.calendarId, context.config.timeZone);
  if (occurrence) {
    await context.state.set(seenKey(item.id), occurrence);
    return occurrence;
  }
  if (item.status !== 'cancelled') return undefined;
  const seen = await context.state.get<CalendarOccurrence>(seenKey(item.id));
  return seen ? { ...seen, status: 'cancelled', sequence: (seen.sequence ?? 0) + 1, modifiedAt: context.now.toISOString() } : undefined;
}
