import { IsOptional, IsString } from 'class-validator';
import { IsHttpUrl, IsIntBetween } from '../../src/connector-sdk';
import { CalendarSessionConfig } from '../../src/connector-sdk/calendar';

/** An ICS instance (hub.yaml `config:`): the calendar settings every calendar connector shares, plus the feed. */
export class IcsConfig extends CalendarSessionConfig {
  /** The feed to poll (Google "secret address in iCal format", Outlook "publish calendar" ICS link); none = files posted to the hook only. */
  @IsOptional()
  @IsHttpUrl()
  feedUrl?: string;

  @IsIntBetween(1, 1440)
  pollMinutes: number = 15;

  /** How far ahead occurrences are taken in (they are reported when they end). */
  @IsIntBetween(0, 366)
  windowFutureDays: number = 14;

  /** The name this feed has for `sessionCalendars`. */
  @IsOptional()
  @IsString()
  calendarId?: string;
}
