import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { Database } from '../../store/database.types';
import type { ErasurePlan, ErasureSource, ErasureSubject } from './erasure-source';
import { chunks } from './inbox.erasure-source';
import { rawTextMatches } from './raw-match';
import { anyNeedle } from './raw-rows';

/**
 * The delivery outbox's rows that carry one of the person's identifiers: waiting, delivered
 * and dead letters alike (each keeps the whole statement, canonical actor and source identity).
 * A row a worker is sending as this runs may still reach its LRS: that LRS is listed among the
 * external destinations to erase at anyway.
 */
@Injectable()
export class OutboxErasureSource implements ErasureSource {
  async plan(subject: ErasureSubject, trx: Transaction<Database>): Promise<ErasurePlan> {
    const rows = subject.raw.length === 0 ? [] : await trx.selectFrom('outbox').select(['seq', 'instance_id', 'statement']).where((eb) => anyNeedle(eb, 'statement', subject.raw)).execute();
    const seqs = rows.filter((row) => rawTextMatches(subject.raw, row.statement, row.instance_id)).map((row) => Number(row.seq));
    return {
      counts: { outboxRows: seqs.length },
      erase: async () => {
        for (const chunk of chunks(seqs)) await trx.deleteFrom('outbox').where('seq', 'in', chunk).execute();
      },
    };
  }
}
