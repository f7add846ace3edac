import { Inject, Injectable } from '@nestjs/common';
import type { HubDatabase } from '../../store/database';
import { HUB_DATABASE } from '../../store/hub-database.token';
import type { RetentionSource } from './retention-source';

/** Statements of the built-in LRS, by `stored`, with their link rows; in batches, so no lock is long. */
@Injectable()
export class LrsStatementsRetentionSource implements RetentionSource {
  readonly kind = 'statements';
  readonly setting = 'statementDays';

  constructor(@Inject(HUB_DATABASE) private readonly database: HubDatabase) {}

  async purgeOlderThan(cutoff: Date, batch = 1000): Promise<number> {
    let total = 0;
    for (;;) {
      const removed = await this.database.db.transaction().execute(async (trx) => {
        const rows = await trx.selectFrom('statements').select('seq').where('stored', '<', cutoff.toISOString()).orderBy('seq').limit(batch).execute();
        const seqs = rows.map((r) => Number(r.seq));
        if (seqs.length === 0) return 0;
        await trx.deleteFrom('statement_agents').where('statement_seq', 'in', seqs).execute();
        await trx.deleteFrom('statement_activities').where('statement_seq', 'in', seqs).execute();
        await trx.deleteFrom('statements').where('seq', 'in', seqs).execute();
        return seqs.length;
      });
      total += removed;
      if (removed < batch) return total;
    }
  }
}
