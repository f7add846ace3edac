import { Inject, Injectable } from '@nestjs/common';
import type { HubDatabase } from '../../store/database';
import { HUB_DATABASE } from '../../store/hub-database.token';

/** A task the host stopped, and why (shown in GET /admin/api/instances). */
export interface StoppedTask {
  task: string;
  reason: string;
  /** ISO 8601 */
  since: string;
}

/**
 * Keys of `connector_state` that belong to the host, not the connector: the connector's own
 * keys never start with `@hub/` (they are its names: cursors, tokens).
 */
const STOPPED_PREFIX = '@hub/task-stopped/';

/**
 * Which scheduled tasks are stopped (the source refused credentials), kept in the database so
 * every process — the worker that stopped it, the admin API — sees the same.
 */
@Injectable()
export class TaskStatusRepository {
  constructor(@Inject(HUB_DATABASE) private readonly database: HubDatabase) {}

  async markStopped(instanceId: string, task: string, reason: string, at: Date): Promise<void> {
    const row = { instance_id: instanceId, key: `${STOPPED_PREFIX}${task}`, value: JSON.stringify({ reason }), updated_at: at.toISOString() };
    await this.database.db
      .insertInto('connector_state')
      .values(row)
      .onConflict((oc) => oc.columns(['instance_id', 'key']).doUpdateSet({ value: row.value, updated_at: row.updated_at }))
      .execute();
  }

  /** A run succeeded (after the admin fixed the credentials and restarted): the task is running again. */
  async clear(instanceId: string, task: string): Promise<void> {
    await this.database.db.deleteFrom('connector_state').where('instance_id', '=', instanceId).where('key', '=', `${STOPPED_PREFIX}${task}`).execute();
  }

  /** Every stopped task, by instance id. */
  async stopped(): Promise<Map<string, StoppedTask[]>> {
    const rows = await this.database.db.selectFrom('connector_state').selectAll().where('key', 'like', `${STOPPED_PREFIX}%`).orderBy('key').execute();
    const byInstance = new Map<string, StoppedTask[]>();
    for (const row of rows) {
      const list = byInstance.get(row.instance_id) ?? [];
      list.push({ task: row.key.slice(STOPPED_PREFIX.length), reason: (JSON.parse(row.value) as { reason: string }).reason, since: row.updated_at });
      byInstance.set(row.instance_id, list);
    }
    return byInstance;
  }
}
