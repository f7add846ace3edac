import { Inject, Injectable } from '@nestjs/common';
import type { HubDatabase } from '../../store/database';
import { HUB_DATABASE } from '../../store/hub-database.token';
import type { RetentionSource } from './retention-source';

/** Statuses after which the raw body is no longer needed to finish the event's work. */
const SETTLED = ['normalized', 'quarantined', 'failed'];

/**
 * Raw webhook bodies, by `received_at`. An event still `received` or `queued` is never
 * removed, however old: it is acknowledged work that has not happened yet.
 */
@Injectable()
export class InboxRetentionSource implements RetentionSource {
  readonly kind = 'inboxEvents';
  readonly setting = 'inboxDays';

  constructor(@Inject(HUB_DATABASE) private readonly database: HubDatabase) {}

  async purgeOlderThan(cutoff: Date): Promise<number> {
    const result = await this.database.db.deleteFrom('inbox').where('received_at', '<', cutoff.toISOString()).where('status', 'in', SETTLED).executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
