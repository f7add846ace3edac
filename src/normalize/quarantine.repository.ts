import { Inject, Injectable } from '@nestjs/common';
import type { HubDatabase } from '../store/database';
import { HUB_DATABASE } from '../store/hub-database.token';
import type { QuarantinedStatement } from './normalize-event';

/** Statements that failed validation, kept with their reasons for an admin to fix and replay. */
@Injectable()
export class QuarantineRepository {
  constructor(@Inject(HUB_DATABASE) private readonly database: HubDatabase) {}

  async add(eventId: string, instanceId: string, items: QuarantinedStatement[]): Promise<void> {
    const createdAt = new Date().toISOString();
    await this.database.db
      .insertInto('quarantine')
      .values(
        items.map((item) => ({
          event_id: eventId,
          instance_id: instanceId,
          statement: JSON.stringify(item.statement),
          reasons: JSON.stringify(item.issues),
          created_at: createdAt,
        })),
      )
      .execute();
  }
}
