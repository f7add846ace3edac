import { createHash } from 'node:crypto';
import {
  activityIdFrom,
  ADL_ACTIVITY_TYPES,
  ADL_VERBS,
  ignored,
  isEmail,
  isoDurationFromSeconds,
  MappingError,
  type MappingOutcome,
  type PersonHint,
  personHint,
  scoreFrom,
  secondsOfIsoDuration,
  type SourceEvent,
  statements,
  type XapiScore,
} from '../../src/connector-sdk';
import type { JsonObject, Statement } from '../../src/xapi/statement';
import type { WorkdayConfig } from './config';
import { idOf, instantOf, numberOf, textOf, valueAt } from './report-values';

export const PLATFORM = 'Workday';

/** One report row as the inbox keeps it. */
export interface ReportRowBody {
  row: Record<string, unknown>;
}

export function isReportRowBody(body: unknown): body is ReportRowBody {
  return typeof body === 'object' && body !== null && typeof (body as ReportRowBody).row === 'object' && (body as ReportRowBody).row !== null;
}

/** The rows of a RaaS JSON answer; undefined when it is not one. An empty report may omit `Report_Entry`. */
export function reportEntries(body: unknown): Record<string, unknown>[] | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const entries = (body as { Report_Entry?: unknown }).Report_Entry;
  if (entries === undefined) return [];
  if (!Array.isArray(entries)) return undefined;
  return entries.filter((row): row is Record<string, unknown> => typeof row === 'object' && row !== null && !Array.isArray(row));
}

/**
 * The event key of a row, from its stable ids and the fact it states: the enrollment (or worker
 * + content), the status and the completion date. Pulling the same row again — the overlap
 * window, a re-run — gives the same key; the same enrollment moving from "In Progress" to
 * "Completed", or a retake on another day, is a new fact with a new key. A row without the ids
 * gets a digest of its content, so the mapping can say what is missing.
 */
export function rowKey(row: Record<string, unknown>, config: WorkdayConfig): string {
  const workerId = idOf(valueAt(row, config.workerIdField));
  const contentId = idOf(valueAt(row, config.contentIdField));
  const enrollmentId = config.enrollmentIdField ? idOf(valueAt(row, config.enrollmentIdField)) : undefined;
  if (!workerId || !contentId) return `row:${createHash('sha256').update(JSON.stringify(row)).digest('hex')}`;
  const status = (textOf(valueAt(row, config.statusField)) ?? '').toLowerCase();
  const date = textOf(valueAt(row, config.completionDateField)) ?? '';
  const subject = enrollmentId ? `enrollment:${enrollmentId}` : `worker:${workerId}:content:${contentId}`;
  return `${subject}:${status}:${date}`;
}

export function reportEvents(rows: readonly Record<string, unknown>[], config: WorkdayConfig): SourceEvent[] {
  return rows.map((row) => ({ key: rowKey(row, config), body: { row } satisfies ReportRowBody }));
}

/** Case, spaces, hyphens and underscores do not tell content types apart. */
function normalised(text: string): string {
  return text.toLowerCase().replace(/[\s_-]+/g, '');
}

/** What the report says about the worker: their ids, name and reporting attributes. */
export function personOf(row: Record<string, unknown>, config: WorkdayConfig): PersonHint | undefined {
  const workerId = idOf(valueAt(row, config.workerIdField));
  if (!workerId) return undefined;
  const email = textOf(valueAt(row, config.emailField));
  const name = textOf(valueAt(row, config.nameField));
  const attributes = Object.fromEntries(
    Object.entries(config.personAttributeFields)
      .map(([attribute, field]) => [attribute, textOf(valueAt(row, field))] as const)
      .filter((entry): entry is readonly [string, string] => entry[1] !== undefined),
  );
  return personHint({ homePage: config.tenantUrl, id: workerId, email: isEmail(email) ? email : undefined, name, attributes });
}

/** Seconds in the duration column, or undefined when blank or zero (never an invented PT0S). */
function durationSeconds(value: unknown, config: WorkdayConfig): number | undefined {
  if (config.durationUnit === 'iso8601') {
    const text = textOf(value);
    if (text === undefined) return undefined;
    try {
      return secondsOfIsoDuration(text) || undefined;
    } catch {
      throw new MappingError(`the duration "${text}" (${config.durationField}) is not an ISO 8601 duration`);
    }
  }
  const amount = numberOf(value);
  if (amount === undefined || amount === 0) return undefined;
  if (!Number.isFinite(amount) || amount < 0) throw new MappingError(`the duration "${textOf(value)}" (${config.durationField}) is not a number of ${config.durationUnit}`);
  return config.durationUnit === 'hours' ? amount * 3600 : amount * 60;
}

function resultOf(row: Record<string, unknown>, config: WorkdayConfig): JsonObject {
  const raw = numberOf(valueAt(row, config.scoreField));
  let score: XapiScore | undefined;
  if (raw !== undefined) {
    score = scoreFrom({ raw, min: config.scoreMin, max: config.scoreMax });
    if (!score) throw new MappingError(`the score "${textOf(valueAt(row, config.scoreField))}" (${config.scoreField}) is not a number from ${config.scoreMin} to ${config.scoreMax}`);
  }
  const seconds = durationSeconds(valueAt(row, config.durationField), config);
  return { completion: true, ...(score ? { score } : {}), ...(seconds !== undefined ? { duration: isoDurationFromSeconds(seconds) } : {}) };
}

/**
 * One row → `completed` (or `attended` for instructor-led content) when its status is a
 * completion; other statuses (registered, in progress) are ignored with the status named. The
 * worker is the actor by their Workday id; their e-mail and attributes go to the directory.
 */
export function mapReportRow(row: Record<string, unknown>, config: WorkdayConfig): MappingOutcome {
  const workerId = idOf(valueAt(row, config.workerIdField));
  if (!workerId) throw new MappingError(`the row has no worker id (column ${config.workerIdField})`);
  const contentId = idOf(valueAt(row, config.contentIdField));
  if (!contentId) throw new MappingError(`the row has no learning content id (column ${config.contentIdField})`);
  const person = personOf(row, config);
  const people = person ? [person] : undefined;

  const status = textOf(valueAt(row, config.statusField));
  const completedStatuses = config.completedStatuses.map((s) => s.toLowerCase());
  if (status !== undefined && !completedStatuses.includes(status.toLowerCase())) {
    return ignored(`status "${status}" is not a completion (completedStatuses: ${config.completedStatuses.join(', ')})`, people);
  }
  const dateText = textOf(valueAt(row, config.completionDateField));
  if (!dateText) {
    if (status === undefined) return ignored(`no status and no completion date (${config.statusField}, ${config.completionDateField}): not a completion`, people);
    throw new MappingError(`the row is "${status}" but has no completion date (column ${config.completionDateField})`);
  }
  let timestamp: Date;
  try {
    timestamp = instantOf(dateText, config.timeZone);
  } catch {
    throw new MappingError(`the completion date "${dateText}" (${config.completionDateField}) is not a date`);
  }

  const type = textOf(valueAt(row, config.contentTypeField));
  const instructorLed = type !== undefined && config.attendedContentTypes.some((t) => normalised(t) === normalised(type));
  const title = textOf(valueAt(row, config.contentTitleField));
  const name = textOf(valueAt(row, config.nameField));
  const statement: Statement = {
    actor: { objectType: 'Agent', account: { homePage: config.tenantUrl, name: workerId }, ...(name ? { name } : {}) },
    verb: instructorLed ? ADL_VERBS.attended : ADL_VERBS.completed,
    object: {
      objectType: 'Activity',
      id: activityIdFrom(config.tenantUrl, 'learning-content', contentId),
      definition: { type: instructorLed ? ADL_ACTIVITY_TYPES.meeting : ADL_ACTIVITY_TYPES.course, ...(title ? { name: { und: title } } : {}) },
    },
    result: resultOf(row, config),
    context: { platform: PLATFORM },
    timestamp: timestamp.toISOString(),
  };
  return statements([{ subKey: instructorLed ? `attended:${workerId}` : `completed:${workerId}`, statement }], people);
}
