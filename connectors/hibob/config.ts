import { Type } from 'class-transformer';
import { ArrayUnique, IsBoolean, IsIn, IsNumber, IsOptional, IsString, IsTimeZone, ValidateNested } from 'class-validator';
import { IsHttpUrl, IsNonEmptyText, IsTextList } from '../../src/connector-sdk';

/** Column ids of the custom table (Bob → Settings → People's data → the table → each column's id, e.g. `column_1700000000001`). */
export class HiBobColumns {
  /** The training's stable id: a list column (its item id) or a text column holding a course/session code. */
  @IsNonEmptyText() training!: string;
  /** When it was completed or attended (a date column). */
  @IsNonEmptyText() date!: string;
  /** A list column such as Completed / Attended / Enrolled; without it every row is `verb`. */
  @IsOptional() @IsString() status?: string;
  /** The training's title when the training column is not a list (a list column's item name is used otherwise). */
  @IsOptional() @IsString() title?: string;
  @IsOptional() @IsString() duration?: string;
  @IsOptional() @IsString() score?: string;
  @IsOptional() @IsString() instructorEmail?: string;
}

/** A HiBob instance's settings. The webhook's signing secret is the instance's `secrets:` list. */
export class HiBobConfig {
  /** The custom table that holds training/attendance records (its id from Bob's table settings or GET /people/custom-tables/metadata). */
  @IsNonEmptyText()
  customTableId!: string;

  @ValidateNested()
  @Type(() => HiBobColumns)
  columns!: HiBobColumns;

  /** Service user id and token (Bob → Settings → Integrations → Service users), from `${ENV}`: the webhook carries ids only. */
  @IsNonEmptyText() serviceUserId!: string;
  @IsNonEmptyText() serviceUserToken!: string;

  /** Bob's API (https://api.sandbox.hibob.com/v1 for the sandbox; tests point it at recorded answers). */
  @IsHttpUrl()
  apiBaseUrl = 'https://api.hibob.com/v1';

  /** Where training ids live; default `https://app.hibob.com/company/<companyId>/training/<id>`. */
  @IsOptional()
  @IsHttpUrl()
  activityBaseUrl?: string;

  /** Status values (as Bob shows them) that mean completed / attended; any other status is ignored with its name. */
  @ArrayUnique() @IsTextList() completedStatuses: string[] = ['Completed', 'Passed'];
  @ArrayUnique() @IsTextList() attendedStatuses: string[] = ['Attended'];

  /** The verb for every row when no status column is configured. */
  @IsIn(['completed', 'attended'])
  verb: 'completed' | 'attended' = 'completed';

  @IsIn(['minutes', 'hours'])
  durationUnit: 'minutes' | 'hours' = 'hours';

  @IsNumber() scoreMin = 0;
  @IsNumber() scoreMax = 100;

  /** IANA zone of Bob's date-only values (the site's zone). */
  @IsTimeZone()
  timeZone = 'UTC';

  /** Look the employee's work e-mail and name up (POST /people/search), as a people hint; cached per employee. */
  @IsBoolean()
  lookUpEmployee = true;
}
