import { parse, serialize } from 'tinyduration';

/**
 * ISO 8601 durations (`PT1H30M`) for `result.duration`. Whole seconds are written without a
 * fraction; a negative or non-finite length is a mapping error, never an invented PT0S.
 */
export function isoDurationFromSeconds(totalSeconds: number): string {
  if (!Number.isFinite(totalSeconds) || totalSeconds < 0) throw new RangeError(`a duration of ${totalSeconds} s cannot be written`);
  const rounded = Math.round(totalSeconds * 100) / 100;
  const hours = Math.floor(rounded / 3600);
  const minutes = Math.floor((rounded % 3600) / 60);
  const seconds = Math.round((rounded % 60) * 100) / 100;
  if (hours === 0 && minutes === 0 && seconds === 0) return 'PT0S';
  return serialize({ hours: hours || undefined, minutes: minutes || undefined, seconds: seconds || undefined });
}

export function isoDurationBetween(start: Date | string, end: Date | string): string {
  return isoDurationFromSeconds((new Date(end).getTime() - new Date(start).getTime()) / 1000);
}

/** Seconds in an ISO 8601 duration (years and months are not fixed lengths: refused). */
export function secondsOfIsoDuration(text: string): number {
  const d = parse(text);
  if (d.years || d.months) throw new RangeError(`${text}: years and months have no fixed length in seconds`);
  const sign = d.negative ? -1 : 1;
  return sign * ((d.weeks ?? 0) * 604800 + (d.days ?? 0) * 86400 + (d.hours ?? 0) * 3600 + (d.minutes ?? 0) * 60 + (d.seconds ?? 0));
}
