import { IsInt, IsString, IsUrl, Max, Min, MinLength } from 'class-validator';
import { CalendarSessionConfig } from '../../src/connector-sdk/calendar';

const URL_OPTIONS = { require_tld: false, protocols: ['https', 'http'], require_protocol: true };

/**
 * A Google Calendar instance (hub.yaml `config:`). Auth is an OAuth client with a refresh token
 * of an account that can read the calendar; the channel token is the instance's newest secret.
 */
export class GoogleCalendarConfig extends CalendarSessionConfig {
  /** The calendar to watch: `primary`, an e-mail address, or a calendar id (`…@group.calendar.google.com`). */
  @MinLength(1)
  @IsString()
  calendarId!: string;

  @MinLength(1)
  @IsString()
  clientId!: string;

  @MinLength(1)
  @IsString()
  clientSecret!: string;

  /** Refresh token with scope `https://www.googleapis.com/auth/calendar.readonly` (fill from `${ENV}`). */
  @MinLength(1)
  @IsString()
  refreshToken!: string;

  /** This instance's hook as Google must reach it: `https://<hub>/hooks/<instance id>` (a verified domain). */
  @IsUrl(URL_OPTIONS)
  channelAddress!: string;

  @IsUrl(URL_OPTIONS)
  apiBaseUrl: string = 'https://www.googleapis.com/calendar/v3';

  @IsUrl(URL_OPTIONS)
  tokenUrl: string = 'https://oauth2.googleapis.com/token';

  /** Channel lifetime asked for (Google may give less). */
  @Max(2_592_000)
  @Min(3600)
  @IsInt()
  channelTtlSeconds: number = 604_800;

  /** A channel expiring within this many minutes is replaced. */
  @Max(10080)
  @Min(5)
  @IsInt()
  renewBeforeMinutes: number = 1440;

  @Max(1440)
  @Min(1)
  @IsInt()
  renewCheckMinutes: number = 60;
}
