import { createHash } from 'node:crypto';
import { defineConnector, jsonBody, mediaTypeOf, type RejectedItem, RequestRejectedError, type SourceEvent } from '../../src/connector-sdk';
import { FIELD_NAMES, isFieldName } from './bamboohr.fields';
import { mapBambooHrEvent } from './bamboohr.mapping';
import type { BambooHrStored, EmployeeEntry } from './bamboohr.payloads';
import { verifyBambooHrSignature } from './bamboohr-signature';
import { BambooHrConfig } from './config';

/**
 * BambooHR Field-Based webhooks: each `employees[]` entry is one event; a completed training
 * in it becomes `completed` (or `attended` for sessions), and the employee record itself a
 * people hint for the identity directory.
 */
export const connector = defineConnector<BambooHrConfig>({
  id: 'bamboohr',
  name: 'BambooHR',
  description: 'Training records and employee records from BambooHR webhooks.',
  configSchema: BambooHrConfig,

  checkConfig(config) {
    return Object.keys(config.fieldNames ?? {}).flatMap((name) =>
      isFieldName(name) && typeof config.fieldNames?.[name] === 'string'
        ? []
        : [{ path: `fieldNames.${name}`, reason: `is not a field this connector reads (one of: ${Object.keys(FIELD_NAMES).join(', ')}) or not a text` }],
    );
  },

  verify(request, { now, secrets }) {
    return verifyBambooHrSignature(request, now, secrets);
  },

  split(request) {
    if (mediaTypeOf(request) === 'application/x-www-form-urlencoded') {
      throw new RequestRejectedError(415, 'set the BambooHR webhook format to JSON; the Form Post encoding is not taken');
    }
    const body = jsonBody(request) as { employees?: unknown; type?: unknown; timestamp?: unknown; data?: { employeeId?: unknown } };
    if (typeof body?.type === 'string' && body.type.startsWith('employee.')) {
      const employeeId = body.data?.employeeId === undefined ? undefined : String(body.data.employeeId);
      const notice: BambooHrStored = { kind: 'notice', type: body.type, ...(typeof body.timestamp === 'string' ? { timestamp: body.timestamp } : {}), ...(employeeId ? { employeeId } : {}) };
      return [{ key: `${body.type}:${employeeId ?? ''}:${String(body.timestamp ?? '')}`, body: notice }];
    }
    if (!Array.isArray(body?.employees)) throw new RequestRejectedError(422, 'a BambooHR Field-Based webhook has an "employees" array; this body has none');
    const events: SourceEvent[] = [];
    const rejected: RejectedItem[] = [];
    body.employees.forEach((entry: unknown, index: number) => {
      const id = (entry as { id?: unknown })?.id;
      if (typeof id !== 'string' && typeof id !== 'number') {
        rejected.push({ at: `employees[${index}]`, reason: 'the entry has no employee id' });
        return;
      }
      const stored: EmployeeEntry = { ...(entry as Omit<EmployeeEntry, 'kind' | 'id'>), kind: 'employee', id: String(id) };
      // The same delivery re-sent is the same entry, so the same key; a later change differs in
      // its timestamp or fields, so it is a new event (training statements keep their own ids).
      events.push({ key: `employee:${id}:${sha256(JSON.stringify(entry)).slice(0, 32)}`, body: stored });
    });
    return { events, rejected };
  },

  map(event, { config, instanceId }) {
    return mapBambooHrEvent(event.body as BambooHrStored, config, instanceId);
  },
});

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
