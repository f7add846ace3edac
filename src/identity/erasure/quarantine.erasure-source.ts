import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { Database } from '../../store/database.types';
import type { ErasurePlan, ErasureSource, ErasureSubject } from './erasure-source';
import { chunks } from './inbox.erasure-source';
import { rawTextMatches } from './raw-match';
import { anyNeedle } from './raw-rows';

/** Quarantined statements that carry one of the person's identifiers. */
@Injectable()
export class QuarantineErasureSource implements ErasureSource {
  async plan(subject: ErasureSubject, trx: Transaction<Database>): Promise<ErasurePlan> {
    const rows = subject.raw.length === 0 ? [] : await trx.selectFrom('quarantine').select(['seq', 'instance_id', 'statement']).where((eb) => anyNeedle(eb, 'statement', subject.raw)).execute();
    const seqs = rows.filter((row) => rawTextMatches(subject.raw, row.statement, row.instance_id)).map((row) => Number(row.seq));
    return {
      counts: { quarantined: seqs.length },
      erase: async () => {
        for (const chunk of chunks(seqs)) await trx.deleteFrom('quarantine').where('seq', 'in', chunk).execute();
      },
    };
  }
}
