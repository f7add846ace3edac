/**
 * A Bob webhook v2 event (apidocs.hibob.com, "Employee data Webhooks"): metadata and ids only,
 * the values are read from the API. For a custom table entry:
 * `{ "companyId": 636192, "type": "table.entry.created", "triggeredBy": "…", "triggeredAt": "2025-01-08T13:54:03.608759",
 *    "version": "v2", "data": { "employeeId": "…", "tableId": "…", "id": "…" } }`.
 */
export interface BobEvent {
  companyId?: number | string;
  type: string;
  triggeredBy?: string;
  triggeredAt?: string;
  version?: string;
  data?: { employeeId?: string; tableId?: string; id?: string | number; effectiveDate?: string };
}

/** A custom table row from GET /people/custom-tables/{employeeId}/{customTableId}?includeHumanReadable=true. */
export interface BobTableRow {
  id: string | number;
  [column: string]: unknown;
  humanReadable?: Record<string, unknown>;
}

/** The employee facts a people hint needs, from POST /people/search. */
export interface BobEmployee {
  email?: string;
  displayName?: string;
  department?: string;
  site?: string;
  title?: string;
}
