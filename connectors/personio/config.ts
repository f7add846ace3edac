import { IsArray, IsInt, IsTimeZone } from 'class-validator';
import { IsHttpUrl, IsIntBetween, IsNonEmptyText, IsTextList } from '../../src/connector-sdk';

/**
 * A Personio instance (hub.yaml `config:`): API credentials, the company's Personio URL (the
 * home of employee ids and activity ids), and the rule that tells training attendance from work.
 */
export class PersonioConfig {
  @IsHttpUrl()
  apiBaseUrl: string = 'https://api.personio.de/v1';

  /** Settings → Integrations → API credentials; fill from `${ENV}`. */
  @IsNonEmptyText()
  clientId!: string;

  @IsNonEmptyText()
  clientSecret!: string;

  /** The company's Personio address (`https://acme.personio.de`): actor homePage and activity id base. */
  @IsHttpUrl()
  companyUrl!: string;

  @IsIntBetween(1, 1440)
  pollMinutes: number = 30;

  /** IANA zone the attendance dates and times are in (Personio sends wall-clock times). */
  @IsTimeZone()
  timeZone: string = 'UTC';

  /** How far back the first pull reaches (attendance dates). */
  @IsIntBetween(0, 3650)
  initialLookbackDays: number = 30;

  /** Later pulls read changes to attendances dated up to this many days back. */
  @IsIntBetween(1, 3650)
  windowDays: number = 90;

  /** Attendance periods per page (Personio allows up to 200). */
  @IsIntBetween(1, 200)
  pageSize: number = 200;

  /** Attendance booked on one of these projects is training. */
  @IsInt({ each: true })
  @IsArray()
  trainingProjectIds: number[] = [];

  /** …or on a project with one of these names (case-insensitive). */
  @IsTextList()
  trainingProjectNames: string[] = [];

  /** …or with a comment containing one of these words (case-insensitive). */
  @IsTextList()
  trainingCommentKeywords: string[] = [];

  /** How long an employee's e-mail, name and department are kept before they are read again. */
  @IsIntBetween(0, 720)
  employeeCacheHours: number = 24;
}
