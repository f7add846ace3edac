import { Inject, Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import type { HubDatabase } from './database';
import type { QuarantineTable } from './database.types';
import { HUB_DATABASE } from './hub-database.token';

export type QuarantineRow = Selectable<QuarantineTable>;

export interface QuarantineFilter {
  instance?: string;
  since?: string;
  /** Include rows resolved by a later run of normalize. */
  resolved?: boolean;
}

/** Statements that failed validation, with their reasons (written by OutboxRepository.recordNormalized). */
@Injectable()
export class QuarantineRepository {
  constructor(@Inject(HUB_DATABASE) private readonly database: HubDatabase) {}

  async list(filter: QuarantineFilter, limit: number): Promise<QuarantineRow[]> {
    let query = this.database.db.selectFrom('quarantine').selectAll();
    if (filter.instance) query = query.where('instance_id', '=', filter.instance);
    if (filter.since) query = query.where('created_at', '>=', filter.since);
    if (!filter.resolved) query = query.where('resolved_at', 'is', null);
    return query.orderBy('seq', 'desc').limit(limit).execute();
  }

  async forEvent(eventId: string): Promise<QuarantineRow[]> {
    return this.database.db.selectFrom('quarantine').selectAll().where('event_id', '=', eventId).orderBy('seq').execute();
  }
}
