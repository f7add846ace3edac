import { IsTimeZone } from 'class-validator';
import { IsIntBetween } from './config-fields';

/**
 * The settings of a connector that pulls from its source on a schedule (a task with a cursor):
 * workday and personio extend this. A subclass may give `pollMinutes` its own default.
 */
export class PullConfig {
  /** How often the pull task runs (its `everyMs`). */
  @IsIntBetween(1, 1440)
  pollMinutes: number = 60;

  /** IANA zone of the source's dates and wall-clock times (date-only values start the day there). */
  @IsTimeZone()
  timeZone: string = 'UTC';

  /** How far back the first pull reaches, in days. */
  @IsIntBetween(0, 3650)
  initialLookbackDays: number = 30;
}
