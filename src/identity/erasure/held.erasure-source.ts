import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { Database } from '../../store/database.types';
import type { ErasurePlan, ErasureSource, ErasureSubject } from './erasure-source';
import { chunks } from './inbox.erasure-source';
import { rawTextMatches } from './raw-match';
import { anyNeedle } from './raw-rows';

/** Statements held for one of the person's identities, or mentioning them. */
@Injectable()
export class HeldErasureSource implements ErasureSource {
  async plan(subject: ErasureSubject, trx: Transaction<Database>): Promise<ErasurePlan> {
    const rows = await trx
      .selectFrom('held_statements')
      .select(['seq', 'instance_id', 'identity_key', 'statement'])
      .where((eb) => eb.or([eb('identity_key', 'in', subject.identityKeys), ...(subject.raw.length > 0 ? [anyNeedle(eb, 'statement', subject.raw)] : [])]))
      .execute();
    const keys = new Set(subject.identityKeys);
    const seqs = rows.filter((row) => keys.has(row.identity_key) || rawTextMatches(subject.raw, row.statement, row.instance_id)).map((row) => Number(row.seq));
    return {
      counts: { heldStatements: seqs.length },
      erase: async () => {
        for (const chunk of chunks(seqs)) await trx.deleteFrom('held_statements').where('seq', 'in', chunk).execute();
      },
    };
  }
}
