import { IsBoolean, IsTimeZone } from 'class-validator';
import { IsHttpUrl, IsIntBetween, IsNonEmptyText, IsTextList } from '../config/config-fields';

/** Used when an instance sets no `activityBase`; set your own domain, the same on every calendar instance. */
export const DEFAULT_SESSION_ACTIVITY_BASE = 'https://xapi-hub.example/calendar/sessions';

/**
 * The settings every calendar connector shares (hub.yaml `config:`); each connector's config
 * class extends it. Lists are case-insensitive. See SessionRule for how they combine.
 */
export class CalendarSessionConfig {
  /** IANA zone for all-day dates and floating ICS times. */
  @IsTimeZone()
  timeZone: string = 'UTC';

  /** Base of session activity ids; keep it equal across Google, Graph and ICS instances so a session is one activity. */
  @IsHttpUrl()
  activityBase: string = DEFAULT_SESSION_ACTIVITY_BASE;

  /** Only these calendars (ids as the source names them); empty = every calendar the instance sees. */
  @IsTextList()
  sessionCalendars: string[] = [];

  /** Title contains one of these words (`coaching`, `mentoring`, `1:1`). */
  @IsTextList()
  sessionKeywords: string[] = [];

  /** Organised by one of these e-mail addresses (the coaches). */
  @IsTextList()
  sessionOrganizers: string[] = [];

  /** Carries one of these categories (Outlook categories, ICS CATEGORIES). */
  @IsTextList()
  sessionCategories: string[] = [];

  /** Whether an attendee who answered "tentative" counts as attending. */
  @IsBoolean()
  countTentative: boolean = false;

  /** Occurrences that ended longer ago than this are not reported on a first sight (initial syncs). */
  @IsIntBetween(0, 3650)
  lookbackDays: number = 30;
}

/**
 * A calendar the hub reads through an OAuth client and keeps a push registration with (a Graph
 * subscription, a Google channel), renewed by a task before it expires: microsoft-graph and
 * google-calendar extend this. Both secrets are filled from `${ENV}`.
 */
export class CalendarPushConfig extends CalendarSessionConfig {
  /** The OAuth client (app registration) id. */
  @IsNonEmptyText()
  clientId!: string;

  /** A client secret of that OAuth client (fill from `${ENV}`). */
  @IsNonEmptyText()
  clientSecret!: string;

  /** A subscription or channel expiring within this many minutes is renewed. */
  @IsIntBetween(5, 10080)
  renewBeforeMinutes: number = 1440;

  /** How often the renewal task runs. */
  @IsIntBetween(1, 1440)
  renewCheckMinutes: number = 60;
}
