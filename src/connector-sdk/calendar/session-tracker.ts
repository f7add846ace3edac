import type { ConnectorContext, SourceEvent } from '../connector';
import { ignored, later, type KeyedStatement, type MappingOutcome, statements } from '../outcome';
import type { CalendarSessionConfig } from './calendar-config';
import { type CalendarOccurrence, compareVersions, occurrenceKey } from './calendar-occurrence';
import { planOccurrence, type SentRecord } from './session-outcome';

/** Which event holds the newest version of an occurrence (state `calendar:latest:<occurrence key>`). */
interface LatestVersion {
  eventKey: string;
  sequence?: number;
  modifiedAt?: string;
  /** Events that held it before, newest last: a re-run of one of them is superseded. */
  history: string[];
}

/** A pending re-look at occurrences that had not ended when their event was mapped with other statements. */
interface Recheck {
  key: string;
  /** The event whose occurrences these are. */
  of: string;
  at: string;
  occurrences: CalendarOccurrence[];
}

const RECHECKS = 'calendar:rechecks';
/** Events of the same occurrence a `latest` record remembers (bounded: state is small). */
const HISTORY = 20;

/** Body of an event the `rechecks` task makes; the connector's map hands it to sessionOutcome. */
export interface RecheckBody {
  recheck: { of: string; occurrences: CalendarOccurrence[] };
}

export function isRecheckBody(body: unknown): body is RecheckBody {
  return typeof body === 'object' && body !== null && 'recheck' in body && Array.isArray((body as RecheckBody).recheck?.occurrences);
}

/**
 * The outcome of one event's occurrences, with what was sent before (instance state):
 * planOccurrence per occurrence, skipping any a newer event has superseded. The contract has
 * one outcome per event, so when some occurrences give statements now while others have not
 * ended, the statements go out and the rest are handed to the `rechecks` task (dueRechecks),
 * which brings them back as an event of their own when they end.
 */
export async function sessionOutcome<C extends CalendarSessionConfig>(
  occurrences: readonly CalendarOccurrence[],
  eventKey: string,
  context: ConnectorContext<C>,
  platform: string,
  /** The event that owns these versions: a recheck speaks for the event it came from. */
  owner: string = eventKey,
): Promise<MappingOutcome> {
  const options = { ...context.config, instanceId: context.instanceId, platform };
  const all: KeyedStatement[] = [];
  const pending: CalendarOccurrence[] = [];
  const reasons = new Map<string, number>();
  const note = (reason: string) => reasons.set(reason, (reasons.get(reason) ?? 0) + 1);

  // One occurrence listed twice (two pages of a sync, a series and its exception) would mint one sub-key twice: the later listing wins.
  const unique = [...new Map(occurrences.map((o) => [occurrenceKey(o), o])).values()];
  for (const occurrence of unique) {
    const key = occurrenceKey(occurrence);
    if (await superseded(context, key, owner, occurrence)) {
      note('a newer version of the occurrence came in another event');
      continue;
    }
    const previous = await context.state.get<SentRecord>(`calendar:sent:${key}`);
    const plan = planOccurrence(occurrence, eventKey, previous, context.now, options);
    if (JSON.stringify(plan.sent) !== JSON.stringify(previous ?? { attended: [], voids: [] })) await context.state.set(`calendar:sent:${key}`, plan.sent);
    all.push(...plan.statements);
    if (plan.pendingUntil) pending.push(occurrence);
    else if (plan.statements.length === 0) note(plan.reason ?? 'nothing to report');
  }

  const firstEnd = pending.map((o) => o.end).sort()[0];
  if (all.length > 0) {
    if (firstEnd) await scheduleRecheck(context, { key: `recheck:${owner}:${firstEnd}`, of: owner, at: firstEnd, occurrences: pending }, eventKey);
    return statements(all);
  }
  if (firstEnd) return later(firstEnd, `the session ends at ${firstEnd}; attendance is reported then`);
  return ignored(describeReasons(reasons, occurrences.length));
}

async function superseded<C>(context: ConnectorContext<C>, key: string, eventKey: string, occurrence: CalendarOccurrence): Promise<boolean> {
  const latest = await context.state.get<LatestVersion>(`calendar:latest:${key}`);
  if (latest && latest.eventKey !== eventKey) {
    // A re-run (a `later`) of an event another one has since replaced, or an older version arriving late.
    if (latest.history.includes(eventKey) || compareVersions(latest, occurrence) > 0) return true;
  }
  if (latest?.eventKey !== eventKey) {
    const history = [...(latest?.history ?? []), ...(latest ? [latest.eventKey] : [])].slice(-HISTORY);
    await context.state.set(`calendar:latest:${key}`, { eventKey, sequence: occurrence.sequence, modifiedAt: occurrence.modifiedAt, history } satisfies LatestVersion);
  }
  return false;
}

function describeReasons(reasons: Map<string, number>, total: number): string {
  if (total === 0) return 'the event has no occurrences in the window';
  if (total === 1) return [...reasons.keys()][0] ?? 'nothing to report';
  return [...reasons].map(([reason, count]) => `${count} × ${reason}`).join('; ');
}

async function scheduleRecheck<C>(context: ConnectorContext<C>, recheck: Recheck, eventKey: string): Promise<void> {
  const list = (await context.state.get<Recheck[]>(RECHECKS)) ?? [];
  if (list.some((r) => r.key === recheck.key)) return;
  context.log('info', 'occurrences not ended yet are rechecked when they end', { eventKey, at: recheck.at });
  await context.state.set(RECHECKS, [...list, recheck]);
}

/** How long a due recheck is handed out again (a repeat is a duplicate key: a no-op), so a crash between task and inbox loses nothing. */
const RECHECK_RETENTION_MS = 3_600_000;

/**
 * The `rechecks` task's run: one event per recheck that is due (key `recheck:<event>:<end>`),
 * each carrying its occurrences; a recheck is forgotten an hour after it fell due.
 */
export async function dueRechecks<C>(context: ConnectorContext<C>): Promise<SourceEvent[]> {
  const list = (await context.state.get<Recheck[]>(RECHECKS)) ?? [];
  const now = context.now.getTime();
  const kept = list.filter((r) => Date.parse(r.at) > now - RECHECK_RETENTION_MS);
  if (kept.length !== list.length) await context.state.set(RECHECKS, kept);
  return kept.filter((r) => Date.parse(r.at) <= now).map((r) => ({ key: r.key, body: { recheck: { of: r.of, occurrences: r.occurrences } } satisfies RecheckBody }));
}

/** Where the occurrences an event was mapped from are kept while it waits (`later`). */
export const snapshotKey = (eventKey: string) => `calendar:snapshot:${eventKey}`;

/**
 * sessionOutcome for an event whose occurrences come from a call to the source (a Graph GET, a
 * Google incremental sync). The source is read once per event: a `later` re-run maps what was
 * read then — the sync token has moved on, and a newer version arrives as its own event. The
 * snapshot is dropped once the event needs it no more.
 */
export async function sessionOutcomeFromSource<C extends CalendarSessionConfig>(
  eventKey: string,
  context: ConnectorContext<C>,
  platform: string,
  read: () => Promise<CalendarOccurrence[]>,
): Promise<MappingOutcome> {
  const key = snapshotKey(eventKey);
  let occurrences = await context.state.get<CalendarOccurrence[]>(key);
  if (!occurrences) {
    occurrences = await read();
    await context.state.set(key, occurrences);
  }
  const outcome = await sessionOutcome(occurrences, eventKey, context, platform);
  if (outcome.kind !== 'later') await context.state.delete(key);
  return outcome;
}
