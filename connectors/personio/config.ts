import { IsArray, IsInt } from 'class-validator';
import { IsHttpUrl, IsIntBetween, IsNonEmptyText, IsTextList, PullConfig } from '../../src/connector-sdk';

/**
 * A Personio instance (hub.yaml `config:`): API credentials, the company's Personio URL (the
 * home of employee ids and activity ids), and the rule that tells training attendance from work.
 * `timeZone` (the zone Personio's wall-clock attendance dates and times are in) and
 * `initialLookbackDays` (attendance dates) come from PullConfig.
 */
export class PersonioConfig extends PullConfig {
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

  override pollMinutes = 30;

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
