import type { ConnectorContext } from '../../src/connector-sdk';
import type { PersonioConfig } from './config';
import { PersonioApiError, personioGet } from './personio-api';

/** What the hub keeps of an employee record: enough to name and place the learner. */
export interface EmployeeFacts {
  id: string;
  email?: string;
  name?: string;
  department?: string;
  office?: string;
  position?: string;
}

interface CachedEmployee {
  /** ISO 8601 */
  fetchedAt: string;
  /** Undefined when Personio has no such employee (any more). */
  facts?: EmployeeFacts;
}

/** Personio's employee attributes: `{ label, value, type, universal_id }`, a value maybe `{ type, attributes: { name } }`. */
type EmployeeAttributes = Record<string, { value?: unknown } | undefined>;

function text(attributes: EmployeeAttributes, name: string): string | undefined {
  const value = attributes[name]?.value;
  if (typeof value === 'string') return value.trim() === '' ? undefined : value.trim();
  if (typeof value === 'object' && value !== null) {
    const named = (value as { attributes?: { name?: unknown } }).attributes?.name;
    if (typeof named === 'string' && named.trim() !== '') return named.trim();
  }
  return undefined;
}

/** The facts in a GET /company/employees/{id} answer. */
export function employeeFacts(id: string, data: unknown): EmployeeFacts {
  const attributes = ((data as { data?: { attributes?: EmployeeAttributes } } | undefined)?.data?.attributes ?? {}) as EmployeeAttributes;
  const first = text(attributes, 'first_name');
  const last = text(attributes, 'last_name');
  const name = text(attributes, 'preferred_name') ?? ([first, last].filter(Boolean).join(' ') || undefined);
  const facts: EmployeeFacts = { id };
  const fields = { email: text(attributes, 'email'), name, department: text(attributes, 'department'), office: text(attributes, 'office'), position: text(attributes, 'position') };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) facts[key as keyof Omit<EmployeeFacts, 'id'>] = value;
  return facts;
}

export const employeeKey = (id: string) => `employee:${id}`;

/**
 * An employee's facts, from the instance state while younger than `employeeCacheHours`, else
 * from Personio (and kept). An employee Personio does not know (404) has no facts: the learner
 * is then named by id only.
 */
export async function employee(context: ConnectorContext<PersonioConfig>, id: string): Promise<EmployeeFacts | undefined> {
  const { state, now, config } = context;
  const cached = await state.get<CachedEmployee>(employeeKey(id));
  if (cached && now.getTime() - Date.parse(cached.fetchedAt) < config.employeeCacheHours * 3_600_000) return cached.facts;
  const answer = await personioGet<unknown>(context, `/company/employees/${encodeURIComponent(id)}`);
  if (answer.status !== 200 && answer.status !== 404) throw new PersonioApiError(`Personio answered ${answer.status} for employee ${id}`, answer.status);
  const facts = answer.status === 200 ? employeeFacts(id, answer.data) : undefined;
  await state.set(employeeKey(id), { fetchedAt: now.toISOString(), ...(facts ? { facts } : {}) } satisfies CachedEmployee);
  return facts;
}
