import { type CsvRow, isEmail, isoDurationFromSeconds, scoreFrom, secondsOfIsoDuration, type XapiScore } from '../../src/connector-sdk';
import type { CsvAttendanceConfig } from './config';
import { utcInstantOf } from '../../src/connector-sdk/helpers/time-zones';

/** One attendance row, checked and normalised: what the inbox stores and the mapping reads. */
export interface AttendanceRow {
  line: number;
  email: string;
  name?: string;
  sessionId: string;
  sessionTitle?: string;
  /** When it happened, ISO 8601 UTC. */
  at: string;
  duration?: string;
  score?: XapiScore;
  coachEmail?: string;
  coachName?: string;
}

export type RowReading = { ok: true; row: AttendanceRow } | { ok: false; reason: string };

/** The header names the file must have (the others are optional columns). */
export function requiredColumns(config: CsvAttendanceConfig): string[] {
  return [config.columns.email, config.columns.sessionId, config.columns.date];
}

/**
 * One CSV row → an attendance, or every reason it cannot be one (so the person fixing the
 * file sees them all at once). Blank optional cells are absent, never 0.
 */
export function readAttendanceRow(row: CsvRow, config: CsvAttendanceConfig): RowReading {
  const { columns } = config;
  const cell = (name: string | undefined) => (name ? row.values[name]?.trim() || undefined : undefined);
  const problems: string[] = [];

  const email = cell(columns.email);
  if (!email) problems.push(`${columns.email} is empty`);
  else if (!isEmail(email)) problems.push(`${columns.email} "${email}" is not an e-mail address`);
  const sessionId = cell(columns.sessionId);
  if (!sessionId) problems.push(`${columns.sessionId} is empty`);
  const date = cell(columns.date);
  const at = date ? utcInstantOf(date, config.timeZone) : undefined;
  if (!date) problems.push(`${columns.date} is empty`);
  else if (!at) problems.push(`${columns.date} "${date}" is not a date (YYYY-MM-DD, YYYY-MM-DD HH:MM or ISO 8601)`);
  const duration = durationOf(cell(columns.duration), config, problems);
  const score = scoreOf(cell(columns.score), config, problems);
  const coachEmail = cell(columns.coachEmail);
  if (coachEmail && !isEmail(coachEmail)) problems.push(`${columns.coachEmail} "${coachEmail}" is not an e-mail address`);

  if (problems.length > 0 || !email || !sessionId || !at) return { ok: false, reason: problems.join('; ') };
  const name = cell(columns.name);
  const sessionTitle = cell(columns.sessionTitle);
  const coachName = cell(columns.coachName);
  return {
    ok: true,
    row: {
      line: row.line,
      email: email.toLowerCase(),
      ...(name ? { name } : {}),
      sessionId,
      ...(sessionTitle ? { sessionTitle } : {}),
      at,
      ...(duration ? { duration } : {}),
      ...(score ? { score } : {}),
      ...(coachEmail ? { coachEmail: coachEmail.toLowerCase() } : {}),
      ...(coachName ? { coachName } : {}),
    },
  };
}

/**
 * The row's identity: who, which session, when. Not its line: the same file uploaded again, or
 * with its rows in another order, makes the same keys, so nothing new.
 */
export function attendanceKey(row: AttendanceRow): string {
  return `attendance:${row.email}|${row.sessionId}|${row.at}`;
}

function durationOf(text: string | undefined, config: CsvAttendanceConfig, problems: string[]): string | undefined {
  if (text === undefined) return undefined;
  let seconds: number;
  if (/^P/i.test(text)) {
    try {
      seconds = secondsOfIsoDuration(text.toUpperCase());
    } catch {
      problems.push(`duration "${text}" is not an ISO 8601 duration`);
      return undefined;
    }
  } else {
    const value = Number(text.replace(',', '.'));
    if (!/^\d+([.,]\d+)?$/.test(text) || !Number.isFinite(value)) {
      problems.push(`duration "${text}" is not a number of ${config.durationUnit}`);
      return undefined;
    }
    seconds = value * (config.durationUnit === 'hours' ? 3600 : 60);
  }
  if (seconds < 0) problems.push(`duration "${text}" is negative`);
  // 0 is how spreadsheets say "not recorded": no duration, rather than an invented PT0S.
  return seconds > 0 ? isoDurationFromSeconds(seconds) : undefined;
}

function scoreOf(text: string | undefined, config: CsvAttendanceConfig, problems: string[]): XapiScore | undefined {
  if (text === undefined) return undefined;
  const raw = Number(text.replace(',', '.').replace(/%$/, ''));
  if (!Number.isFinite(raw)) {
    problems.push(`score "${text}" is not a number`);
    return undefined;
  }
  const score = scoreFrom({ raw, min: config.scoreMin, max: config.scoreMax });
  if (!score) problems.push(`score ${raw} is outside ${config.scoreMin}–${config.scoreMax}`);
  return score;
}
