import type { InstanceState } from '../../connector-sdk/capabilities';
import type { HubDatabase } from '../../store/database';

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
    if (value === undefined) throw new TypeError(`state "${key}": undefined is not JSON; use delete() to remove a key`);
    const row = { instance_id: this.instanceId, key, value: JSON.stringify(value), updated_at: new Date().toISOString() };
    await this.database.db
      .insertInto('connector_state')
      .values(row)
      .onConflict((oc) => oc.columns(['instance_id', 'key']).doUpdateSet({ value: row.value, updated_at: row.updated_at }))
      .execute();
  }

  async delete(key: string): Promise<void> {
    await this.database.db.deleteFrom('connector_state').where('instance_id', '=', this.instanceId).where('key', '=', key).execute();
  }
}
