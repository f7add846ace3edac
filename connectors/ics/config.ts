import { IsInt, IsOptional, IsString, IsUrl, Max, Min } from 'class-validator';
import { CalendarSessionConfig } from '../../src/connector-sdk/calendar';

/** An ICS instance (hub.yaml `config:`): the calendar settings every calendar connector shares, plus the feed. */
export class IcsConfig extends CalendarSessionConfig {
  /** The feed to poll (Google "secret address in iCal format", Outlook "publish calendar" ICS link); none = files posted to the hook only. */
  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['https', 'http'], require_protocol: true })
  feedUrl?: string;

  @Max(1440)
  @Min(1)
  @IsInt()
  pollMinutes: number = 15;

  /** How far ahead occurrences are taken in (they are reported when they end). */
  @Max(366)
  @Min(0)
  @IsInt()
  windowFutureDays: number = 14;

  /** The name this feed has for `sessionCalendars`. */
  @IsOptional()
  @IsString()
  calendarId?: string;
}
