/**
 * Time zones as calendar sources send them. Microsoft Graph names zones the Windows way
 * (`Pacific Standard Time`); everything else here is IANA. The table is CLDR's
 * windowsZones.xml, territory 001 (the zone Windows means when no region is given), as
 * node-ical ships it (node_modules/node-ical/windowsZones.json). Local date-times are turned
 * into UTC with Intl, so daylight saving follows the runtime's tz database, never a fixed offset.
 */

/** Windows zone id → IANA zone (CLDR windowsZones, territory 001). */
export const WINDOWS_TO_IANA: Readonly<Record<string, string>> = {
  "AUS Central Standard Time": "Australia/Darwin",
  "AUS Eastern Standard Time": "Australia/Sydney",
  "Afghanistan Standard Time": "Asia/Kabul",
  "Alaskan Standard Time": "America/Anchorage",
  "Aleutian Standard Time": "America/Adak",
  "Altai Standard Time": "Asia/Barnaul",
  "Arab Standard Time": "Asia/Riyadh",
  "Arabian Standard Time": "Asia/Dubai",
  "Arabic Standard Time": "Asia/Baghdad",
  "Argentina Standard Time": "America/Buenos_Aires",
  "Astrakhan Standard Time": "Europe/Astrakhan",
  "Atlantic Standard Time": "America/Halifax",
  "Aus Central W. Standard Time": "Australia/Eucla",
  "Azerbaijan Standard Time": "Asia/Baku",
  "Azores Standard Time": "Atlantic/Azores",
  "Bahia Standard Time": "America/Bahia",
  "Bangladesh Standard Time": "Asia/Dhaka",
  "Belarus Standard Time": "Europe/Minsk",
  "Bougainville Standard Time": "Pacific/Bougainville",
  "Canada Central Standard Time": "America/Regina",
  "Cape Verde Standard Time": "Atlantic/Cape_Verde",
  "Caucasus Standard Time": "Asia/Yerevan",
  "Cen. Australia Standard Time": "Australia/Adelaide",
  "Central America Standard Time": "America/Guatemala",
  "Central Asia Standard Time": "Asia/Bishkek",
  "Central Brazilian Standard Time": "America/Cuiaba",
  "Central Europe Standard Time": "Europe/Budapest",
  "Central European Standard Time": "Europe/Warsaw",
  "Central Pacific Standard Time": "Pacific/Guadalcanal",
  "Central Standard Time": "America/Chicago",
  "Central Standard Time (Mexico)": "America/Mexico_City",
  "Chatham Islands Standard Time": "Pacific/Chatham",
  "China Standard Time": "Asia/Shanghai",
  "Cuba Standard Time": "America/Havana",
  "Dateline Standard Time": "Etc/GMT+12",
  "E. Africa Standard Time": "Africa/Nairobi",
  "E. Australia Standard Time": "Australia/Brisbane",
  "E. Europe Standard Time": "Europe/Chisinau",
  "E. South America Standard Time": "America/Sao_Paulo",
  "Easter Island Standard Time": "Pacific/Easter",
  "Eastern Standard Time": "America/New_York",
  "Eastern Standard Time (Mexico)": "America/Cancun",
  "Egypt Standard Time": "Africa/Cairo",
  "Ekaterinburg Standard Time": "Asia/Yekaterinburg",
  "FLE Standard Time": "Europe/Kiev",
  "Fiji Standard Time": "Pacific/Fiji",
  "GMT Standard Time": "Europe/London",
  "GTB Standard Time": "Europe/Bucharest",
  "Georgian Standard Time": "Asia/Tbilisi",
  "Greenland Standard Time": "America/Godthab",
  "Greenwich Standard Time": "Atlantic/Reykjavik",
  "Haiti Standard Time": "America/Port-au-Prince",
  "Hawaiian Standard Time": "Pacific/Honolulu",
  "India Standard Time": "Asia/Calcutta",
  "Iran Standard Time": "Asia/Tehran",
  "Israel Standard Time": "Asia/Jerusalem",
  "Jordan Standard Time": "Asia/Amman",
  "Kaliningrad Standard Time": "Europe/Kaliningrad",
  "Korea Standard Time": "Asia/Seoul",
  "Libya Standard Time": "Africa/Tripoli",
  "Line Islands Standard Time": "Pacific/Kiritimati",
  "Lord Howe Standard Time": "Australia/Lord_Howe",
  "Magadan Standard Time": "Asia/Magadan",
  "Magallanes Standard Time": "America/Punta_Arenas",
  "Marquesas Standard Time": "Pacific/Marquesas",
  "Mauritius Standard Time": "Indian/Mauritius",
  "Middle East Standard Time": "Asia/Beirut",
  "Montevideo Standard Time": "America/Montevideo",
  "Morocco Standard Time": "Africa/Casablanca",
  "Mountain Standard Time": "America/Denver",
  "Mountain Standard Time (Mexico)": "America/Mazatlan",
  "Myanmar Standard Time": "Asia/Rangoon",
  "N. Central Asia Standard Time": "Asia/Novosibirsk",
  "Namibia Standard Time": "Africa/Windhoek",
  "Nepal Standard Time": "Asia/Katmandu",
  "New Zealand Standard Time": "Pacific/Auckland",
  "Newfoundland Standard Time": "America/St_Johns",
  "Norfolk Standard Time": "Pacific/Norfolk",
  "North Asia East Standard Time": "Asia/Irkutsk",
  "North Asia Standard Time": "Asia/Krasnoyarsk",
  "North Korea Standard Time": "Asia/Pyongyang",
  "Omsk Standard Time": "Asia/Omsk",
  "Pacific SA Standard Time": "America/Santiago",
  "Pacific Standard Time": "America/Los_Angeles",
  "Pacific Standard Time (Mexico)": "America/Tijuana",
  "Pakistan Standard Time": "Asia/Karachi",
  "Paraguay Standard Time": "America/Asuncion",
  "Qyzylorda Standard Time": "Asia/Qyzylorda",
  "Romance Standard Time": "Europe/Paris",
  "Russia Time Zone 10": "Asia/Srednekolymsk",
  "Russia Time Zone 11": "Asia/Kamchatka",
  "Russia Time Zone 3": "Europe/Samara",
  "Russian Standard Time": "Europe/Moscow",
  "SA Eastern Standard Time": "America/Cayenne",
  "SA Pacific Standard Time": "America/Bogota",
  "SA Western Standard Time": "America/La_Paz",
  "SE Asia Standard Time": "Asia/Bangkok",
  "Saint Pierre Standard Time": "America/Miquelon",
  "Sakhalin Standard Time": "Asia/Sakhalin",
  "Samoa Standard Time": "Pacific/Apia",
  "Sao Tome Standard Time": "Africa/Sao_Tome",
  "Saratov Standard Time": "Europe/Saratov",
  "Singapore Standard Time": "Asia/Singapore",
  "South Africa Standard Time": "Africa/Johannesburg",
  "South Sudan Standard Time": "Africa/Juba",
  "Sri Lanka Standard Time": "Asia/Colombo",
  "Sudan Standard Time": "Africa/Khartoum",
  "Syria Standard Time": "Asia/Damascus",
  "Taipei Standard Time": "Asia/Taipei",
  "Tasmania Standard Time": "Australia/Hobart",
  "Tocantins Standard Time": "America/Araguaina",
  "Tokyo Standard Time": "Asia/Tokyo",
  "Tomsk Standard Time": "Asia/Tomsk",
  "Tonga Standard Time": "Pacific/Tongatapu",
  "Transbaikal Standard Time": "Asia/Chita",
  "Turkey Standard Time": "Europe/Istanbul",
  "Turks And Caicos Standard Time": "America/Grand_Turk",
  "US Eastern Standard Time": "America/Indianapolis",
  "US Mountain Standard Time": "America/Phoenix",
  "UTC": "Etc/UTC",
  "UTC+12": "Etc/GMT-12",
  "UTC+13": "Etc/GMT-13",
  "UTC-02": "Etc/GMT+2",
  "UTC-08": "Etc/GMT+8",
  "UTC-09": "Etc/GMT+9",
  "UTC-11": "Etc/GMT+11",
  "Ulaanbaatar Standard Time": "Asia/Ulaanbaatar",
  "Venezuela Standard Time": "America/Caracas",
  "Vladivostok Standard Time": "Asia/Vladivostok",
  "Volgograd Standard Time": "Europe/Volgograd",
  "W. Australia Standard Time": "Australia/Perth",
  "W. Central Africa Standard Time": "Africa/Lagos",
  "W. Europe Standard Time": "Europe/Berlin",
  "W. Mongolia Standard Time": "Asia/Hovd",
  "West Asia Standard Time": "Asia/Tashkent",
  "West Bank Standard Time": "Asia/Hebron",
  "West Pacific Standard Time": "Pacific/Port_Moresby",
  "Yakutsk Standard Time": "Asia/Yakutsk",
  "Yukon Standard Time": "America/Whitehorse",
};

/** A zone the runtime cannot place (neither IANA nor a known Windows name). */
export class UnknownTimeZoneError extends Error {
  constructor(readonly zone: string) {
    super(`unknown time zone "${zone}": use an IANA name (Europe/Berlin) or a Windows name (W. Europe Standard Time)`);
  }
}

/** Whether Intl knows an IANA zone name. */
export function isIanaZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/**
 * The IANA name for a zone a source sent: a Windows name through the CLDR table, an IANA
 * name as it is, `tzone://Microsoft/Utc` (Graph's default) as UTC. Unknown → throws.
 */
export function ianaZoneOf(zone: string): string {
  const name = zone.trim();
  if (name === '' || /^tzone:\/\/Microsoft\/Utc$/i.test(name)) return 'UTC';
  const windows = WINDOWS_TO_IANA[name];
  if (windows) return windows;
  if (isIanaZone(name)) return name;
  throw new UnknownTimeZoneError(zone);
}

/** A wall-clock date-time without a zone (`2026-11-02T10:00:00`, fractions allowed, or `2026-11-02`). */
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?)?$/;

export interface WallClock {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

/** Reads a zone-less date-time; a text with an offset or `Z` is not local and is refused. */
export function parseWallClock(text: string): WallClock {
  const match = LOCAL_DATE_TIME.exec(text.trim());
  if (!match) throw new RangeError(`"${text}" is not a local date-time (YYYY-MM-DDThh:mm:ss without an offset)`);
  const [, y, mo, d, h, mi, s, frac] = match;
  return {
    year: Number(y),
    month: Number(mo),
    day: Number(d),
    hour: Number(h ?? 0),
    minute: Number(mi ?? 0),
    second: Number(s ?? 0),
    millisecond: frac ? Math.round(Number(`0.${frac}`) * 1000) : 0,
  };
}

/** The offset of `zone` from UTC at `instant`, in ms (positive east of Greenwich). */
export function zoneOffsetMs(instant: Date, zone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: ianaZoneOf(zone),
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

/**
 * The instant a wall-clock time in `zone` names. A time that does not exist (skipped by a
 * spring-forward) moves forward by the gap, as RFC 5545 §3.3.5 says; an ambiguous one (a
 * fall-back hour) takes the first, earlier instant.
 */
export function wallClockToUtc(clock: WallClock, zone: string): Date {
  const naive = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second, clock.millisecond);
  // The offsets a day either side cover any transition near this wall clock.
  const before = zoneOffsetMs(new Date(naive - 86_400_000), zone);
  const after = zoneOffsetMs(new Date(naive + 86_400_000), zone);
  const valid = [...new Set([before, after])].map((offset) => naive - offset).filter((instant) => naive - zoneOffsetMs(new Date(instant), zone) === instant);
  if (valid.length > 0) return new Date(Math.min(...valid));
  // Skipped by a spring-forward: read with the offset before the gap, which lands after it.
  return new Date(naive - before);
}

/** `2026-11-02T10:00:00` (or with fractions, as Graph sends) in `zone` → the UTC instant. */
export function localToUtc(localDateTime: string, zone: string): Date {
  return wallClockToUtc(parseWallClock(localDateTime), zone);
}

/** The start of a calendar day (`2026-11-04`) in `zone`: all-day events in the instance's zone. */
export function startOfDayUtc(date: string, zone: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new RangeError(`"${date}" is not a date (YYYY-MM-DD)`);
  return localToUtc(`${date}T00:00:00`, zone);
}

/** The calendar date (`YYYY-MM-DD`) of an instant as seen in `zone`. */
export function dateInZone(instant: Date, zone: string): string {
  const local = new Date(instant.getTime() + zoneOffsetMs(instant, zone));
  return local.toISOString().slice(0, 10);
}

/** A date-time with its own offset or `Z` (`T` or a space between; seconds and fractions optional). */
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/**
 * The instant (ISO 8601, UTC) a date or date-time as HR systems and spreadsheets write it
 * means: a date (`2026-11-20`) is the start of that day in `zone`, a date-time without an
 * offset (`2026-11-20 14:00`) is wall-clock time there (as `wallClockToUtc` places it), one
 * with an offset or `Z` is taken as written. Undefined when the text is not a date, or names
 * one that does not exist (2026-02-30, 25:00), so the caller can say which field was wrong.
 */
export function utcInstantOf(text: string, zone: string): string | undefined {
  const value = text.trim();
  if (WITH_OFFSET.test(value)) {
    const time = Date.parse(value.replace(' ', 'T'));
    return Number.isNaN(time) ? undefined : new Date(time).toISOString();
  }
  let clock: WallClock;
  try {
    clock = parseWallClock(value);
  } catch {
    return undefined;
  }
  return isRealWallClock(clock) ? wallClockToUtc(clock, zone).toISOString() : undefined;
}

/** Date.UTC rolls 2026-02-30 or 25:00 over into another day silently: those are not dates. */
function isRealWallClock(clock: WallClock): boolean {
  const day = new Date(Date.UTC(clock.year, clock.month - 1, clock.day));
  return day.getUTCFullYear() === clock.year && day.getUTCMonth() === clock.month - 1 && day.getUTCDate() === clock.day && clock.hour <= 23 && clock.minute <= 59 && clock.second <= 59;
}
