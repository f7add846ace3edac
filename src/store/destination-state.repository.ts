import { Inject, Injectable } from '@nestjs/common';
import type { Selectable, Updateable } from 'kysely';
import type { HubDatabase } from './database';
import type { DestinationStateTable } from './database.types';
import { HUB_DATABASE } from './hub-database.token';

export type DestinationState = Selectable<DestinationStateTable>;
export type PausedBy = 'admin' | 'credentials' | 'endpoint';

/** What the admin API and /health call a destination. */
export type DestinationCondition = 'active' | 'paused' | 'failing';

export function destinationCondition(state: Pick<DestinationState, 'state' | 'breaker' | 'consecutive_failures'>): DestinationCondition {
  if (state.state === 'paused') return 'paused';
  return state.breaker !== 'closed' || state.consecutive_failures > 0 ? 'failing' : 'active';
}

/**
 * Each destination's paused flag and circuit breaker, in the database so every worker
 * process (and /health in every role) sees the same state. No row = active, breaker closed.
 */
@Injectable()
export class DestinationStateRepository {
  constructor(@Inject(HUB_DATABASE) private readonly database: HubDatabase) {}

  async get(destinationId: string, now = new Date()): Promise<DestinationState> {
    const row = await this.database.db.selectFrom('destination_state').selectAll().where('destination_id', '=', destinationId).executeTakeFirst();
    return row ?? initialState(destinationId, now);
  }

  async all(): Promise<DestinationState[]> {
    return this.database.db.selectFrom('destination_state').selectAll().execute();
  }

  async update(destinationId: string, change: Omit<Updateable<DestinationStateTable>, 'destination_id'>, now = new Date()): Promise<void> {
    const values = { ...initialState(destinationId, now), ...change, updated_at: now.toISOString() };
    await this.database.db
      .insertInto('destination_state')
      .values(values)
      .onConflict((oc) => oc.column('destination_id').doUpdateSet({ ...change, updated_at: values.updated_at }))
      .execute();
  }

  /** Pauses the destination; true when it was not paused already (so the alert is raised once). */
  async pause(destinationId: string, by: PausedBy, reason: string, now = new Date()): Promise<boolean> {
    const before = await this.get(destinationId, now);
    await this.update(destinationId, { state: 'paused', paused_by: by, paused_reason: reason, last_error: reason, last_error_at: now.toISOString() }, now);
    return before.state !== 'paused';
  }

  /** Active again, breaker closed; true when it was paused. */
  async resume(destinationId: string, now = new Date()): Promise<boolean> {
    const before = await this.get(destinationId, now);
    await this.update(destinationId, { state: 'active', paused_by: null, paused_reason: null, breaker: 'closed', consecutive_failures: 0, open_until: null }, now);
    return before.state === 'paused';
  }
}

function initialState(destinationId: string, now: Date): DestinationState {
  return {
    destination_id: destinationId,
    state: 'active',
    paused_by: null,
    paused_reason: null,
    breaker: 'closed',
    consecutive_failures: 0,
    open_until: null,
    last_error: null,
    last_error_at: null,
    updated_at: now.toISOString(),
  };
}
