import type { CalendarOccurrence } from './calendar-occurrence';

/** Which occurrences are coaching or mentoring sessions (CalendarSessionConfig's lists). */
export interface SessionRule {
  sessionCalendars: readonly string[];
  sessionKeywords: readonly string[];
  sessionOrganizers: readonly string[];
  sessionCategories: readonly string[];
}

/**
 * Undefined when the occurrence is a session, else the reason it is not. The calendar list
 * narrows (an occurrence must be in one of them); keywords, organizers and categories widen
 * (any one match is enough); with none of those three set, every event of the calendars counts.
 */
export function notASessionBecause(occurrence: CalendarOccurrence, rule: SessionRule): string | undefined {
  const calendars = lower(rule.sessionCalendars);
  if (calendars.length > 0 && !calendars.includes(fold(occurrence.calendarId ?? ''))) {
    return `calendar "${occurrence.calendarId ?? '(none)'}" is not one of the session calendars`;
  }
  const keywords = lower(rule.sessionKeywords);
  const organizers = lower(rule.sessionOrganizers);
  const categories = lower(rule.sessionCategories);
  if (keywords.length + organizers.length + categories.length === 0) return undefined;
  const title = fold(occurrence.title);
  if (keywords.some((word) => title.includes(word))) return undefined;
  if (occurrence.organizer && organizers.includes(fold(occurrence.organizer.email))) return undefined;
  if (occurrence.categories.some((category) => categories.includes(fold(category)))) return undefined;
  return 'neither its title, organizer nor categories match the session rule';
}

function lower(list: readonly string[]): string[] {
  return list.map(fold).filter((item) => item !== '');
}

/** Case-insensitive, composed form: "Coaching" = "coaching", "Zoë" typed either way = "Zoë". */
function fold(text: string): string {
  return text.normalize('NFC').trim().toLocaleLowerCase('und');
}
