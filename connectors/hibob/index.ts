import { createHash } from 'node:crypto';
import {
  defineConnector,
  ignored,
  jsonBody,
  type KeyedStatement,
  MappingError,
  RequestRejectedError,
  statements,
  type StoredEvent,
  type ConnectorContext,
  type MappingOutcome,
  voidingStatement,
} from '../../src/connector-sdk';
import type { Statement } from '../../src/xapi/statement';
import { HiBobConfig } from './config';
import { fetchTableRow, lookUpEmployee } from './hibob-api';
import { bobPeople, mapTrainingRow } from './hibob.mapping';
import type { BobEvent } from './hibob.payloads';
import { verifyBobSignature } from './hibob-signature';
import { decideRowVersion, type RowVersion } from './row-versions';

const ENTRY_EVENTS = new Set(['table.entry.created', 'table.entry.updated']);

/**
 * HiBob (Bob) webhooks v2 for a custom table of training/attendance records: the event names
 * the row, the row is read from Bob's API in map, and becomes `completed` or `attended`. A row
 * corrected later voids the statement sent for it before.
 */
export const connector = defineConnector<HiBobConfig>({
  id: 'hibob',
  name: 'HiBob',
  description: 'Training and attendance records kept in a HiBob custom table.',
  configSchema: HiBobConfig,

  // Bob tests a new webhook with an unsigned "Ping test" (text, or {"text":"Ping test"}) and
  // wants a 2xx: it carries nothing, so it is answered without storing anything.
  handshake(request) {
    const text = request.rawBody.toString('utf8').trim();
    if (text === 'Ping test' || text === '"Ping test"' || /^\{\s*"text"\s*:\s*"Ping test"\s*\}$/.test(text)) {
      return { status: 200, body: 'ok', contentType: 'text/plain' };
    }
    return undefined;
  },

  verify(request, { secrets }) {
    return verifyBobSignature(request, secrets);
  },

  split(request) {
    const body = jsonBody(request) as BobEvent;
    if (typeof body?.type !== 'string') throw new RequestRejectedError(422, 'a Bob webhook event has a "type"; this body has none');
    const data = body.data ?? {};
    // Bob's events carry no id of their own; the row and the moment name one change.
    const key = body.triggeredAt
      ? [body.type, data.tableId ?? '', data.employeeId ?? '', data.id ?? data.effectiveDate ?? '', body.triggeredAt].join(':')
      : `${body.type}:${createHash('sha256').update(request.rawBody).digest('hex').slice(0, 32)}`;
    return [{ key, body }];
  },

  map(event, context) {
    return mapEvent(event, context);
  },
});

async function mapEvent(event: StoredEvent, context: ConnectorContext<HiBobConfig>): Promise<MappingOutcome> {
  const { config, state, instanceId } = context;
  const body = event.body as BobEvent;
  if (!ENTRY_EVENTS.has(body.type)) return ignored(`Bob event ${body.type} is not mapped (this connector maps custom table entries)`);
  const { employeeId, tableId, id } = body.data ?? {};
  if (tableId !== config.customTableId) return ignored(`entry of table ${tableId ?? '(none)'}; this instance reads ${config.customTableId}`);
  if (!employeeId || id === undefined) throw new MappingError('the Bob event names no employeeId or row id');
  const rowId = String(id);

  const row = await fetchTableRow(employeeId, rowId, context);
  if (!row) return ignored(`row ${rowId} is no longer in the table (deleted since the event)`);
  const employee = await lookUpEmployee(employeeId, context);
  const people = bobPeople(employeeId, employee);
  const mapped = mapTrainingRow(row, employeeId, String(body.companyId ?? 'unknown'), employee, config);

  const versionKey = `bob-row:${employeeId}:${tableId}:${rowId}`;
  const stored = await state.get<RowVersion>(versionKey);
  const decision = decideRowVersion(
    stored,
    event.key,
    mapped.kind === 'statement' ? { subKey: mapped.verb, fingerprint: fingerprintOf(mapped.statement) } : undefined,
  );
  if (decision.kind === 'unchanged') return ignored('entry updated without a change to what is recorded', people);
  if (decision.kind === 'nothing') return ignored(mapped.kind === 'ignored' ? mapped.reason : 'nothing to record', people);
  await state.set(versionKey, decision.next);

  const actor = mapped.kind === 'statement' ? mapped.statement.actor : { objectType: 'Agent' as const, account: { homePage: 'https://app.hibob.com', name: employeeId } };
  const voiding: KeyedStatement[] = decision.void ? [voidingStatement(instanceId, decision.void, actor, event.receivedAt)] : [];
  if (decision.kind === 'withdraw') return statements(voiding, people);
  // Only when a retry of this event finds the row changed since its first run: the next Bob event carries the change.
  if (mapped.kind !== 'statement') throw new MappingError(`row ${rowId} changed between two runs of the same event; its next Bob event will carry the change`);
  return statements([...voiding, { subKey: mapped.verb, statement: mapped.statement }], people);
}

/** What a correction can change: the person's display name is not part of it (a renamed person has not re-learned anything). */
function fingerprintOf(statement: Statement): string {
  const { verb, object, result, context, timestamp } = statement;
  return createHash('sha256').update(JSON.stringify({ verb, object, result, context, timestamp })).digest('hex');
}
