import { Type } from 'class-transformer';
import { IsIn, IsNumber, IsOptional, IsString, IsTimeZone, Length, ValidateNested } from 'class-validator';
import { IsHttpUrl, IsNonEmptyText } from '../../src/connector-sdk';

/** Which header names hold what. Only email, sessionId and date are required in the file. */
export class CsvColumns {
  @IsNonEmptyText() email = 'email';
  @IsOptional() @IsString() name?: string = 'name';
  @IsNonEmptyText() sessionId = 'session_id';
  @IsOptional() @IsString() sessionTitle?: string = 'session_title';
  @IsNonEmptyText() date = 'date';
  @IsOptional() @IsString() duration?: string = 'duration_minutes';
  @IsOptional() @IsString() score?: string = 'score';
  @IsOptional() @IsString() coachEmail?: string = 'coach_email';
  @IsOptional() @IsString() coachName?: string = 'coach_name';
}

/** A CSV attendance instance's settings. The optional upload token is the instance's `secrets:` list. */
export class CsvAttendanceConfig {
  /** Where session ids live: the activity id is `<activityBaseUrl>/<session id>` (e.g. the LMS's session pages). */
  @IsHttpUrl()
  activityBaseUrl!: string;

  @ValidateNested()
  @Type(() => CsvColumns)
  columns: CsvColumns = new CsvColumns();

  @Length(1, 1, { message: 'must be one character, e.g. "," or ";"' })
  @IsString()
  delimiter = ',';

  /** IANA zone of dates without an offset (`2026-11-20`, `2026-11-20 14:00`). */
  @IsTimeZone()
  timeZone = 'UTC';

  /** The duration column's unit when it holds a plain number (an ISO 8601 duration such as PT45M is always taken). */
  @IsIn(['minutes', 'hours'])
  durationUnit: 'minutes' | 'hours' = 'minutes';

  /** The score column's range, for `score.scaled` = (raw − min)/(max − min). */
  @IsNumber() scoreMin = 0;
  @IsNumber() scoreMax = 100;

  /** `attended` for sessions people were at, `completed` for trainings they finished. */
  @IsIn(['attended', 'completed'])
  verb: 'attended' | 'completed' = 'attended';

  /** `context.platform` of the statements: what the file came from. */
  @IsNonEmptyText()
  platform = 'CSV attendance upload';
}
