import { IsArray, IsIn, IsInt, IsOptional, IsString, IsTimeZone, IsUrl, Max, Min, MinLength, ValidateBy } from 'class-validator';

/** `{ name: "Report_Field" }` with string values only (class-validator's `each` does not reach into plain objects). */
function IsStringRecord(): PropertyDecorator {
  return ValidateBy({
    name: 'isStringRecord',
    validator: {
      validate: (value: unknown) =>
        typeof value === 'object' && value !== null && !Array.isArray(value) && Object.values(value).every((field) => typeof field === 'string' && field !== ''),
      defaultMessage: () => '$property must map attribute names to report field names (non-empty strings)',
    },
  });
}

/**
 * A Workday instance (hub.yaml `config:`): one Report-as-a-Service custom report, read as JSON
 * with an integration system user. Field names are the report columns' XML aliases, which the
 * report author chooses, so every one of them is configurable.
 */
export class WorkdayConfig {
  /** The report's RaaS URL (Actions → Web Service → View URLs → JSON), without `?format=json`. */
  @IsUrl({ require_tld: false, protocols: ['https', 'http'], require_protocol: true })
  reportUrl!: string;

  /** The integration system user (ISU), e.g. `ISU_xAPI_Hub@acme`; fill from `${ENV}`. */
  @MinLength(1)
  @IsString()
  username!: string;

  @MinLength(1)
  @IsString()
  password!: string;

  /** The tenant's own URL (`https://wd2-impl.workday.com/acme`): actor homePage and activity id base. */
  @IsUrl({ require_tld: false, protocols: ['https', 'http'], require_protocol: true })
  tenantUrl!: string;

  @Max(1440)
  @Min(1)
  @IsInt()
  pollMinutes: number = 60;

  /** IANA zone for date-only completion dates (and for the date sent to the prompt). */
  @IsTimeZone()
  timeZone: string = 'UTC';

  /** The report prompt for "completed on or after" (its parameter name in the RaaS URL). */
  @MinLength(1)
  @IsString()
  completedOnOrAfterPrompt: string = 'Completed_On_or_After';

  /** How far back the first pull reaches. */
  @Max(3650)
  @Min(0)
  @IsInt()
  initialLookbackDays: number = 30;

  /** Each pull re-reads this many days before today, for completions entered a little late. */
  @Max(365)
  @Min(0)
  @IsInt()
  overlapDays: number = 3;

  @MinLength(1)
  @IsString()
  workerIdField: string = 'Employee_ID';

  @MinLength(1)
  @IsString()
  emailField: string = 'Email';

  @MinLength(1)
  @IsString()
  nameField: string = 'Worker';

  @MinLength(1)
  @IsString()
  contentIdField: string = 'Learning_Content_ID';

  @MinLength(1)
  @IsString()
  contentTitleField: string = 'Learning_Content';

  @MinLength(1)
  @IsString()
  contentTypeField: string = 'Learning_Content_Type';

  /** The enrollment's own id, when the report has it: the event key then follows the enrollment. */
  @IsOptional()
  @IsString()
  enrollmentIdField?: string = 'Learning_Enrollment_ID';

  @MinLength(1)
  @IsString()
  completionDateField: string = 'Completion_Date';

  @MinLength(1)
  @IsString()
  statusField: string = 'Completion_Status';

  @MinLength(1)
  @IsString()
  scoreField: string = 'Score';

  /** The score's range: `scaled` = (raw − min)/(max − min). */
  @IsInt()
  scoreMin: number = 0;

  @IsInt()
  scoreMax: number = 100;

  @MinLength(1)
  @IsString()
  durationField: string = 'Duration';

  /** How the duration column counts: decimal hours (Workday's usual), minutes, or ISO 8601 (`PT1H30M`). */
  @IsIn(['hours', 'minutes', 'iso8601'])
  durationUnit: 'hours' | 'minutes' | 'iso8601' = 'hours';

  /** Status values that mean the learner completed (case-insensitive); anything else is ignored. */
  @IsString({ each: true })
  @IsArray()
  completedStatuses: string[] = ['Completed'];

  /** Content types reported as `attended` instead of `completed` (case, spaces and hyphens ignored). */
  @IsString({ each: true })
  @IsArray()
  attendedContentTypes: string[] = ['Instructor Led', 'Instructor Led Course'];

  /** Reporting attributes for the identity directory: attribute name → report field. */
  @IsStringRecord()
  personAttributeFields: Record<string, string> = { supervisoryOrganization: 'Supervisory_Organization', location: 'Location' };
}
