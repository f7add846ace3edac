import { IsHttpUrl, IsIntBetween, IsNonEmptyText } from '../../src/connector-sdk';
import { CalendarPushConfig } from '../../src/connector-sdk/calendar';

/**
 * A Google Calendar instance (hub.yaml `config:`). Auth is an OAuth client (clientId,
 * clientSecret) with a refresh token of an account that can read the calendar; the channel
 * token is the instance's newest secret. The channel is renewed `renewBeforeMinutes` before it
 * expires (CalendarPushConfig).
 */
export class GoogleCalendarConfig extends CalendarPushConfig {
  /** The calendar to watch: `primary`, an e-mail address, or a calendar id (`…@group.calendar.google.com`). */
  @IsNonEmptyText()
  calendarId!: string;

  /** Refresh token with scope `https://www.googleapis.com/auth/calendar.readonly` (fill from `${ENV}`). */
  @IsNonEmptyText()
  refreshToken!: string;

  /** This instance's hook as Google must reach it: `https://<hub>/hooks/<instance id>` (a verified domain). */
  @IsHttpUrl()
  channelAddress!: string;

  @IsHttpUrl()
  apiBaseUrl: string = 'https://www.googleapis.com/calendar/v3';

  @IsHttpUrl()
  tokenUrl: string = 'https://oauth2.googleapis.com/token';

  /** Channel lifetime asked for (Google may give less). */
  @IsIntBetween(3600, 2_592_000)
  channelTtlSeconds: number = 604_800;
}
