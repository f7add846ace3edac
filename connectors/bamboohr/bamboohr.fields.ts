/**
 * The fields this connector reads from a Field-Based webhook's `fields`, each with the names
 * BambooHR posts by default (English field names) and the API aliases. In the webhook's
 * settings an admin may post a field under another name: `fieldNames` in the config then says
 * which (README, "Fields to post").
 */
export const FIELD_NAMES = {
  workEmail: ['workEmail', 'Work Email'],
  employeeNumber: ['employeeNumber', 'Employee #'],
  firstName: ['firstName', 'First Name'],
  lastName: ['lastName', 'Last Name'],
  preferredName: ['preferredName', 'Preferred Name'],
  displayName: ['displayName', 'Display Name'],
  department: ['department', 'Department'],
  division: ['division', 'Division'],
  location: ['location', 'Location'],
  jobTitle: ['jobTitle', 'Job Title'],
  supervisor: ['supervisor', 'Reporting to'],
  supervisorEmail: ['supervisorEmail', 'Supervisor email'],
  trainingRecordId: ['trainingRecordId', 'Training: ID'],
  trainingTypeId: ['trainingTypeId', 'Training: Type ID'],
  trainingName: ['trainingName', 'Training: Type', 'Training Type'],
  trainingCategory: ['trainingCategory', 'Training: Category'],
  trainingCompleted: ['trainingCompleted', 'Training: Completed', 'Completed'],
  trainingHours: ['trainingHours', 'Training: Hours'],
  trainingInstructor: ['trainingInstructor', 'Training: Instructor'],
  trainingInstructorEmail: ['trainingInstructorEmail', 'Training: Instructor email'],
} as const;

export type FieldName = keyof typeof FIELD_NAMES;

export function isFieldName(name: string): name is FieldName {
  return Object.hasOwn(FIELD_NAMES, name);
}

/** A field-based webhook posts `"First Name": "Ana"`; some integrations post `{ "value": "Ana" }`. */
type PostedValue = string | number | { value?: string | number | null } | null | undefined;

/**
 * Reads one logical field from a posted `fields` object: the configured name first, then the
 * defaults. Blank values count as absent (BambooHR posts "" for an empty field).
 */
export function fieldOf(fields: Record<string, unknown>, name: FieldName, overrides: Record<string, string> | undefined): string | undefined {
  const candidates = [...(overrides?.[name] ? [overrides[name]] : []), ...FIELD_NAMES[name]];
  for (const candidate of candidates) {
    const posted = fields[candidate] as PostedValue;
    const value = typeof posted === 'object' && posted !== null ? posted.value : posted;
    if (value !== undefined && value !== null && String(value).trim() !== '') return String(value).trim();
  }
  return undefined;
}
