import { isoDurationFromSeconds } from '../../src/connector-sdk';

export type ParsedCommand = { ok: true; what: string; duration?: string } | { ok: false; problem: string };

/** The longest a single entry may claim (a typo such as `300h` is refused, not recorded). */
const MAX_MINUTES = 24 * 60;

/**
 * The text after the slash command: an optional leading duration (`30m`, `1h`, `1h30m`,
 * `1h 30m`, `90min`, `2 hours`) followed by what was learned. No duration → none recorded
 * (never PT0S); a duration with nothing after it, or a zero one, is a problem to explain.
 */
export function parseCommandText(text: string): ParsedCommand {
  const trimmed = text.normalize('NFC').trim();
  if (trimmed === '' || /^help$/i.test(trimmed)) return { ok: false, problem: 'say what you learned' };
  const match = /^(?:(\d{1,3})\s*(?:h|hr|hrs|hour|hours))?\s*(?:(\d{1,4})\s*(?:m|min|mins|minute|minutes))?(?=\s|$)/i.exec(trimmed);
  const hours = match?.[1];
  const minutes = match?.[2];
  if (!match || (hours === undefined && minutes === undefined)) return { ok: true, what: trimmed };
  const what = trimmed.slice(match[0].length).trim();
  const total = Number(hours ?? 0) * 60 + Number(minutes ?? 0);
  if (what === '') return { ok: false, problem: 'say what you learned after the duration' };
  if (total === 0) return { ok: false, problem: 'a duration must be more than zero; leave it out if you do not know it' };
  if (total > MAX_MINUTES) return { ok: false, problem: `a duration must be at most ${MAX_MINUTES / 60} hours` };
  return { ok: true, what, duration: isoDurationFromSeconds(total * 60) };
}
