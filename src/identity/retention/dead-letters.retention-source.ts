import { Inject, Injectable } from '@nestjs/common';
import type { HubDatabase } from '../../store/database';
import { HUB_DATABASE } from '../../store/hub-database.token';
import type { RetentionSource } from './retention-source';

/**
 * Dead letters (and dead letters an admin discarded), by when they died: their last attempt,
 * which is when delivery gave up on them. A dead letter replayed since is pending again and
 * not touched; delivered rows are the LRS's to keep, not a dead letter's limit.
 */
@Injectable()
export class DeadLettersRetentionSource implements RetentionSource {
  readonly kind = 'deadLetters';
  readonly setting = 'deadLetterDays';

  constructor(@Inject(HUB_DATABASE) private readonly database: HubDatabase) {}

  async purgeOlderThan(cutoff: Date): Promise<number> {
    const result = await this.database.db
      .deleteFrom('outbox')
      .where('status', 'in', ['dead', 'discarded'])
      .where((eb) => eb(eb.fn.coalesce('last_attempt_at', 'created_at'), '<', cutoff.toISOString()))
      .executeTakeFirst();
    return Number(result.numDeletedRows);
  }
}
