import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { Database } from '../../store/database.types';
import type { ErasurePlan, ErasureSource, ErasureSubject } from './erasure-source';
import { rawTextMatches } from './raw-match';
import { anyNeedle } from './raw-rows';

/** Raw webhook bodies in the inbox that carry one of the person's identifiers. */
@Injectable()
export class InboxErasureSource implements ErasureSource {
  async plan(subject: ErasureSubject, trx: Transaction<Database>): Promise<ErasurePlan> {
    const seqs = await matchingInboxSeqs(subject, trx);
    return {
      counts: { inboxEvents: seqs.length },
      erase: async () => {
        for (const chunk of chunks(seqs)) await trx.deleteFrom('inbox').where('seq', 'in', chunk).execute();
      },
    };
  }
}

export async function matchingInboxSeqs(subject: ErasureSubject, trx: Transaction<Database>): Promise<number[]> {
  if (subject.raw.length === 0) return [];
  const candidates = await trx
    .selectFrom('inbox')
    .select(['seq', 'instance_id', 'raw_body'])
    .where((eb) => anyNeedle(eb, 'raw_body', subject.raw))
    .execute();
  return candidates.filter((row) => rawTextMatches(subject.raw, row.raw_body, row.instance_id)).map((row) => Number(row.seq));
}

export function chunks<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
