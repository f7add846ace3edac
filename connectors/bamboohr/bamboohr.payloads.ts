/**
 * A Field-Based webhook's employee entry (documentation.bamboohr.com/docs/field-based-webhooks):
 * `{ "employees": [ { "action": "Updated", "changedFields": [...], "fields": {...}, "id": "12345",
 * "timestamp": "2026-01-31T18:42:00+0000" } ] }`. Each entry is one event.
 */
export interface EmployeeEntry {
  kind: 'employee';
  id: string;
  action?: string;
  timestamp?: string;
  changedFields?: string[];
  fields?: Record<string, unknown>;
}

/** An Event-Based webhook (`{ "type": "employee.updated", "data": { "employeeId" } }`): ids only, no values. */
export interface EmployeeNotice {
  kind: 'notice';
  type: string;
  timestamp?: string;
  employeeId?: string;
}

export type BambooHrStored = EmployeeEntry | EmployeeNotice;
