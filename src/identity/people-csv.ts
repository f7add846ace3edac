import { parse } from 'csv-parse/sync';
import { checkIdentity } from './person-input';
import type { Identity, PersonHint } from './identity.types';

/** Reporting attributes a column may carry under its own name; others use `attr:<name>`. */
export const CSV_ATTRIBUTE_COLUMNS = ['team', 'department', 'location', 'role', 'manager'] as const;

export interface CsvPersonRow {
  line: number;
  /** The canonical e-mail first, then the row's other identities. */
  hint: PersonHint;
}

export interface CsvLineError {
  line: number;
  error: string;
}

/**
 * Reads a people CSV (first line: headers). Columns:
 * - `email` (required): the canonical identifier, as an mbox;
 * - `name`; `team`, `department`, `location`, `role`, `manager`; `attr:<name>` for any other attribute;
 * - `aliases`: more e-mail addresses, separated by `;`;
 * - `account:<homePage>`: the person's account name there, e.g. `account:https://acme.slack.com` → `U07ANA`;
 * - `source:<instance>`: the person's user id in that connector instance, e.g. `source:bamboohr` → `377`.
 * Empty cells are skipped. A bad header stops the file (line 1); a bad row is reported by its
 * line and the others still count.
 */
export function parsePeopleCsv(text: string): { rows: CsvPersonRow[]; errors: CsvLineError[] } {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { bom: true, skip_empty_lines: true, trim: true, relax_column_count: true, info: true }) as unknown as typeof records;
  } catch (error) {
    return { rows: [], errors: [{ line: (error as { lines?: number }).lines ?? 1, error: `not readable as CSV: ${(error as Error).message}` }] };
  }
  if (records.length === 0) return { rows: [], errors: [{ line: 1, error: 'empty file: the first line must name the columns, including "email"' }] };
  const headers = records[0].record;
  const headerProblems = headers.flatMap((h, i) => (columnKind(h) ? [] : [`column ${i + 1} "${h}": unknown; use email, name, aliases, ${CSV_ATTRIBUTE_COLUMNS.join(', ')}, attr:<name>, account:<homePage> or source:<instance>`]));
  if (!headers.includes('email')) headerProblems.push('no "email" column: every person needs their canonical e-mail');
  if (headerProblems.length > 0) return { rows: [], errors: headerProblems.map((error) => ({ line: 1, error })) };

  const rows: CsvPersonRow[] = [];
  const errors: CsvLineError[] = [];
  for (const { record, info } of records.slice(1)) {
    const problems: string[] = [];
    const hint = rowHint(headers, record, problems);
    if (record.length > headers.length) problems.push(`${record.length} cells for ${headers.length} columns`);
    if (problems.length > 0) errors.push({ line: info.lines, error: problems.join('; ') });
    else rows.push({ line: info.lines, hint });
  }
  return { rows, errors };
}

function rowHint(headers: string[], record: string[], problems: string[]): PersonHint {
  const identities: Identity[] = [];
  const attributes: Record<string, string> = {};
  let name: string | undefined;
  const add = (value: unknown, column: string) => {
    const identity = checkIdentity(value, column, problems);
    if (identity) identities.push(identity);
  };
  headers.forEach((header, i) => {
    const cell = record[i] ?? '';
    if (cell === '') return;
    const kind = columnKind(header)!;
    if (kind === 'email') identities.unshift(...withMbox(cell, header, problems));
    else if (kind === 'name') name = cell;
    else if (kind === 'aliases') cell.split(';').map((a) => a.trim()).filter(Boolean).forEach((alias) => identities.push(...withMbox(alias, header, problems)));
    else if (kind === 'attribute') attributes[header.replace(/^attr:/, '')] = cell;
    else if (kind === 'account') add({ account: { homePage: header.slice('account:'.length), name: cell } }, header);
    else add({ source: header.slice('source:'.length), id: cell }, header);
  });
  if (!record[headers.indexOf('email')]) problems.push('email: required');
  return { identities, ...(name ? { name } : {}), ...(Object.keys(attributes).length > 0 ? { attributes } : {}) };
}

function withMbox(address: string, column: string, problems: string[]): Identity[] {
  const identity = checkIdentity({ mbox: address.toLowerCase().startsWith('mailto:') ? address : `mailto:${address}` }, column, problems);
  return identity ? [identity] : [];
}

function columnKind(header: string): 'email' | 'name' | 'aliases' | 'attribute' | 'account' | 'source' | undefined {
  if (header === 'email' || header === 'name' || header === 'aliases') return header;
  if ((CSV_ATTRIBUTE_COLUMNS as readonly string[]).includes(header) || /^attr:[A-Za-z][A-Za-z0-9_-]{0,62}$/.test(header)) return 'attribute';
  if (/^account:\S+$/.test(header)) return 'account';
  if (/^source:[a-z0-9][a-z0-9_-]{0,62}$/.test(header)) return 'source';
  return undefined;
}
