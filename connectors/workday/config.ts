import { IsIn, IsInt, IsOptional, IsString, ValidateBy } from 'class-validator';
import { IsHttpUrl, IsIntBetween, IsNonEmptyText, IsTextList, PullConfig } from '../../src/connector-sdk';

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
 * report author chooses, so every one of them is configurable. From PullConfig: `pollMinutes`,
 * `timeZone` (for date-only completion dates and the date sent to the prompt) and
 * `initialLookbackDays`.
 */
export class WorkdayConfig extends PullConfig {
  /** The report's RaaS URL (Actions → Web Service → View URLs → JSON), without `?format=json`. */
  @IsHttpUrl()
  reportUrl!: string;

  /** The integration system user (ISU), e.g. `ISU_xAPI_Hub@acme`; fill from `${ENV}`. */
  @IsNonEmptyText()
  username!: string;

  @IsNonEmptyText()
  password!: string;

  /** The tenant's own URL (`https://wd2-impl.workday.com/acme`): actor homePage and activity id base. */
  @IsHttpUrl()
  tenantUrl!: string;

  /** The report prompt for "completed on or after" (its parameter name in the RaaS URL). */
  @IsNonEmptyText()
  completedOnOrAfterPrompt: string = 'Completed_On_or_After';

  /** Each pull re-reads this many days before today, for completions entered a little late. */
  @IsIntBetween(0, 365)
  overlapDays: number = 3;

  @IsNonEmptyText()
  workerIdField: string = 'Employee_ID';

  @IsNonEmptyText()
  emailField: string = 'Email';

  @IsNonEmptyText()
  nameField: string = 'Worker';

  @IsNonEmptyText()
  contentIdField: string = 'Learning_Content_ID';

  @IsNonEmptyText()
  contentTitleField: string = 'Learning_Content';

  @IsNonEmptyText()
  contentTypeField: string = 'Learning_Content_Type';

  /** The enrollment's own id, when the report has it: the event key then follows the enrollment. */
  @IsOptional()
  @IsString()
  enrollmentIdField?: string = 'Learning_Enrollment_ID';

  @IsNonEmptyText()
  completionDateField: string = 'Completion_Date';

  @IsNonEmptyText()
  statusField: string = 'Completion_Status';

  @IsNonEmptyText()
  scoreField: string = 'Score';

  /** The score's range: `scaled` = (raw − min)/(max − min). */
  @IsInt()
  scoreMin: number = 0;

  @IsInt()
  scoreMax: number = 100;

  @IsNonEmptyText()
  durationField: string = 'Duration';

  /** How the duration column counts: decimal hours (Workday's usual), minutes, or ISO 8601 (`PT1H30M`). */
  @IsIn(['hours', 'minutes', 'iso8601'])
  durationUnit: 'hours' | 'minutes' | 'iso8601' = 'hours';

  /** Status values that mean the learner completed (case-insensitive); anything else is ignored. */
  @IsTextList()
  completedStatuses: string[] = ['Completed'];

  /** Content types reported as `attended` instead of `completed` (case, spaces and hyphens ignored). */
  @IsTextList()
  attendedContentTypes: string[] = ['Instructor Led', 'Instructor Led Course'];

  /** Reporting attributes for the identity directory: attribute name → report field. */
  @IsStringRecord()
  personAttributeFields: Record<string, string> = { supervisoryOrganization: 'Supervisory_Organization', location: 'Location' };
}
