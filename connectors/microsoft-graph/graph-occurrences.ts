import type { ConnectorContext } from '../../src/connector-sdk';
import type { CalendarOccurrence } from '../../src/connector-sdk/calendar';
import type { MicrosoftGraphConfig } from './config';
import { graphCall } from './graph-api';
import { type GraphEvent, GraphEventError, occurrenceFromGraph } from './graph-event.mapping';
import type { ChangeBody } from './graph-notifications';

type Context = ConnectorContext<MicrosoftGraphConfig>;

/** Occurrences last seen per Graph event id: what a deletion cancels. */
const seenKey = (eventId: string) => `graph:occurrences:${eventId}`;

const SELECT = 'id,iCalUId,type,seriesMasterId,originalStart,originalStartTimeZone,start,end,isAllDay,isCancelled,subject,categories,changeKey,lastModifiedDateTime,organizer,attendees,locations';

/**
 * The occurrences a change notification is about, fetched from Graph: a single event or an
 * occurrence/exception as itself; a series master as its instances in the window; a deleted
 * event (or one Graph no longer finds) as the occurrences last seen for it, cancelled.
 */
export async function occurrencesOfChange(change: ChangeBody, context: Context): Promise<CalendarOccurrence[]> {
  const calendarId = mailboxOf(change.resource);
  const eventId = change.eventId;
  if (change.changeType === 'deleted') return cancelledSeen(eventId, context);
  const answer = await graphCall<GraphEvent>(context, { path: change.resource, params: { $select: SELECT } });
  if (answer.status === 404) return cancelledSeen(eventId, context);
  if (answer.status !== 200) throw new GraphEventError(`Microsoft Graph answered ${answer.status} for ${change.resource}`);
  const event = answer.data;
  const occurrences = await occurrencesOfEvent(event, calendarId, change.resource, context);
  await context.state.set(seenKey(event.id), occurrences);
  return occurrences;
}

/** Every occurrence of every mailbox's calendar in the window: the resync after a `missed` lifecycle notification. */
export async function occurrencesInWindow(userId: string, context: Context): Promise<CalendarOccurrence[]> {
  const { from, to } = windowOf(context);
  const found: CalendarOccurrence[] = [];
  let path: string | undefined = `users/${encodeURIComponent(userId)}/calendarView`;
  let params: Record<string, string> | undefined = { startDateTime: from, endDateTime: to, $select: SELECT, $top: '100' };
  const seen = new Set<string>();
  // A nextLink seen before would loop forever: stop there (Graph never repeats one).
  while (path && !seen.has(path)) {
    seen.add(path);
    const answer: { status: number; data: { value?: GraphEvent[]; '@odata.nextLink'?: string } } = await graphCall(context, { path, params });
    if (answer.status !== 200) throw new GraphEventError(`Microsoft Graph answered ${answer.status} for the calendar view of ${userId}`);
    for (const event of answer.data.value ?? []) found.push(...(await occurrencesOfEvent(event, userId, `users/${userId}/events/${event.id}`, context)));
    path = answer.data['@odata.nextLink'];
    params = undefined;
  }
  return found;
}

async function occurrencesOfEvent(event: GraphEvent, calendarId: string, resource: string, context: Context): Promise<CalendarOccurrence[]> {
  const zone = context.config.timeZone;
  if (event.type === 'seriesMaster') {
    const uid = event.uid ?? event.iCalUId ?? event.id;
    const { from, to } = windowOf(context);
    const answer = await graphCall<{ value?: GraphEvent[] }>(context, { path: `${resource}/instances`, params: { startDateTime: from, endDateTime: to, $select: SELECT } });
    if (answer.status !== 200) throw new GraphEventError(`Microsoft Graph answered ${answer.status} for the instances of ${resource}`);
    return (answer.data.value ?? []).map((instance) => occurrenceFromGraph(instance, uid, calendarId, zone));
  }
  return [occurrenceFromGraph(event, await seriesUid(event, resource, context), calendarId, zone)];
}

/**
 * The UID every occurrence of a series shares. Graph's `iCalUId` differs per occurrence, so an
 * occurrence or exception takes its series master's (or the `uid` Graph gives where it has it).
 */
async function seriesUid(event: GraphEvent, resource: string, context: Context): Promise<string> {
  if (event.uid) return event.uid;
  if (!event.seriesMasterId || event.type === 'singleInstance') return event.iCalUId ?? event.id;
  const masterPath = resource.replace(/(\/events\/)[^/]+$/i, (_match, events: string) => `${events}${event.seriesMasterId}`);
  const answer = await graphCall<GraphEvent>(context, { path: masterPath, params: { $select: 'id,iCalUId' } });
  if (answer.status !== 200 || !answer.data.iCalUId) throw new GraphEventError(`cannot read the series master of ${resource} (status ${answer.status})`);
  return answer.data.iCalUId;
}

async function cancelledSeen(eventId: string | undefined, context: Context): Promise<CalendarOccurrence[]> {
  if (!eventId) return [];
  const seen = (await context.state.get<CalendarOccurrence[]>(seenKey(eventId))) ?? [];
  // A deletion has no version of its own: one past the last seen, so it supersedes it.
  return seen.map((o) => ({ ...o, status: 'cancelled', sequence: (o.sequence ?? 0) + 1, modifiedAt: context.now.toISOString() }));
}

function windowOf(context: Context): { from: string; to: string } {
  const now = context.now.getTime();
  return {
    from: new Date(now - context.config.lookbackDays * 86_400_000).toISOString(),
    to: new Date(now + context.config.windowFutureDays * 86_400_000).toISOString(),
  };
}

/** `Users/{id}/Events/{id}` → the mailbox id, the occurrence's calendar. */
function mailboxOf(resource: string): string {
  return decodeURIComponent(/users\/([^/]+)/i.exec(resource)?.[1] ?? resource);
}
