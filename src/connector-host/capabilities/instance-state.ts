import type { Kysely } from 'kysely';
import type { InstanceState } from '../../connector-sdk/capabilities';
import type { HubDatabase } from '../../store/database';
import type { Database } from '../../store/database.types';

/** A write to an instance's state: a key set to a JSON text, or (`json` null) deleted. */
export interface StateChange {
  key: string;
  json: string | null;
}

/** The JSON text a state value is kept as; undefined is refused (it is not JSON). */
export function stateJson(key: string, value: unknown): string {
  if (value === undefined) throw new TypeError(`state "${key}": undefined is not JSON; use delete() to remove a key`);
  return JSON.stringify(value);
}

/**
 * Applies state changes in order through `db` — the hub's database or a transaction, so a
 * task's cursor can move in the same commit as the events it read (EventAdmission).
 */
export async function writeStateChanges(db: Kysely<Database>, instanceId: string, changes: readonly StateChange[], at: Date): Promise<void> {
  for (const { key, json } of changes) {
    if (json === null) {
      await db.deleteFrom('connector_state').where('instance_id', '=', instanceId).where('key', '=', key).execute();
      continue;
    }
    const row = { instance_id: instanceId, key, value: json, updated_at: at.toISOString() };
    await db
      .insertInto('connector_state')
      .values(row)
      .onConflict((oc) => oc.columns(['instance_id', 'key']).doUpdateSet({ value: row.value, updated_at: row.updated_at }))
      .execute();
  }
}

/**
 * An instance's key-value state in the hub's database (table `connector_state`): sync tokens,
 * subscription ids, cursors. Values are JSON, so what comes back is a copy, as in MemoryState.
 */
export class DatabaseInstanceState implements InstanceState {
  constructor(
    private readonly database: HubDatabase,
    private readonly instanceId: string,
  ) {}

  async get<T = unknown>(key: string): Promise<T | undefined> {
    const row = await this.database.db
      .selectFrom('connector_state')
      .select('value')
      .where('instance_id', '=', this.instanceId)
      .where('key', '=', key)
      .executeTakeFirst();
    return row === undefined ? undefined : (JSON.parse(row.value) as T);
  }

  async set(key: string, value: unknown): Promise<void> {
    await writeStateChanges(this.database.db, this.instanceId, [{ key, json: stateJson(key, value) }], new Date());
  }

  async delete(key: string): Promise<void> {
    await writeStateChanges(this.database.db, this.instanceId, [{ key, json: null }], new Date());
  }
}
