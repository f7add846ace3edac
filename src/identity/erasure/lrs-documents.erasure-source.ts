import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { Database } from '../../store/database.types';
import type { ErasurePlan, ErasureSource, ErasureSubject } from './erasure-source';
import { agentKeyMatches } from './raw-rows';
import { chunks } from './inbox.erasure-source';

/** State and Agent Profile documents of the built-in LRS kept for the person. */
@Injectable()
export class LrsDocumentsErasureSource implements ErasureSource {
  async plan(subject: ErasureSubject, trx: Transaction<Database>): Promise<ErasurePlan> {
    const rows =
      subject.agentKeys.length === 0
        ? []
        : await trx.selectFrom('documents').select('seq').where('agent_key', '!=', '').where((eb) => agentKeyMatches(eb, subject)).execute();
    const seqs = rows.map((r) => Number(r.seq));
    return {
      counts: { documents: seqs.length },
      erase: async () => {
        for (const chunk of chunks(seqs)) await trx.deleteFrom('documents').where('seq', 'in', chunk).execute();
      },
    };
  }
}
