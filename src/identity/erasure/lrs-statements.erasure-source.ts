import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { Database } from '../../store/database.types';
import type { ErasurePlan, ErasureSource, ErasureSubject } from './erasure-source';
import { agentKeyMatches } from './raw-rows';
import { chunks } from './inbox.erasure-source';

/**
 * Statements of the built-in LRS the person is in — as actor, Agent object, instructor, team
 * or group member, found through the link table written at insert — with their links.
 */
@Injectable()
export class LrsStatementsErasureSource implements ErasureSource {
  async plan(subject: ErasureSubject, trx: Transaction<Database>): Promise<ErasurePlan> {
    const rows =
      subject.agentKeys.length === 0
        ? []
        : await trx
            .selectFrom('statement_agents')
            .select('statement_seq')
            .distinct()
            .where((eb) => agentKeyMatches(eb, subject))
            .execute();
    const seqs = rows.map((r) => Number(r.statement_seq));
    return {
      counts: { statements: seqs.length },
      erase: async () => {
        for (const chunk of chunks(seqs)) {
          await trx.deleteFrom('statement_agents').where('statement_seq', 'in', chunk).execute();
          await trx.deleteFrom('statement_activities').where('statement_seq', 'in', chunk).execute();
          await trx.deleteFrom('statements').where('seq', 'in', chunk).execute();
        }
      },
    };
  }
}
