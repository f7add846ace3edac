import { IsArray, IsInt, IsString, IsTimeZone, IsUrl, Max, Min, MinLength } from 'class-validator';

/**
 * A Personio instance (hub.yaml `config:`): API credentials, the company's Personio URL (the
 * home of employee ids and activity ids), and the rule that tells training attendance from work.
 */
export class PersonioConfig {
  @IsUrl({ require_tld: false, protocols: ['https', 'http'], require_protocol: true })
  apiBaseUrl: string = 'https://api.personio.de/v1';

  /** Settings → Integrations → API credentials; fill from `${ENV}`. */
  @MinLength(1)
  @IsString()
  clientId!: string;

  @MinLength(1)
  @IsString()
  clientSecret!: string;

  /** The company's Personio address (`https://acme.personio.de`): actor homePage and activity id base. */
  @IsUrl({ require_tld: false, protocols: ['https', 'http'], require_protocol: true })
  companyUrl!: string;

  @Max(1440)
  @Min(1)
  @IsInt()
  pollMinutes: number = 30;

  /** IANA zone the attendance dates and times are in (Personio sends wall-clock times). */
  @IsTimeZone()
  timeZone: string = 'UTC';

  /** How far back the first pull reaches (attendance dates). */
  @Max(3650)
  @Min(0)
  @IsInt()
  initialLookbackDays: number = 30;

  /** Later pulls read changes to attendances dated up to this many days back. */
  @Max(3650)
  @Min(1)
  @IsInt()
  windowDays: number = 90;

  /** Attendance periods per page (Personio allows up to 200). */
  @Max(200)
  @Min(1)
  @IsInt()
  pageSize: number = 200;

  /** Attendance booked on one of these projects is training. */
  @IsInt({ each: true })
  @IsArray()
  trainingProjectIds: number[] = [];

  /** …or on a project with one of these names (case-insensitive). */
  @IsString({ each: true })
  @IsArray()
  trainingProjectNames: string[] = [];

  /** …or with a comment containing one of these words (case-insensitive). */
  @IsString({ each: true })
  @IsArray()
  trainingCommentKeywords: string[] = [];

  /** How long an employee's e-mail, name and department are kept before they are read again. */
  @Max(720)
  @Min(0)
  @IsInt()
  employeeCacheHours: number = 24;
}
