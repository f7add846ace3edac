import { Injectable } from '@nestjs/common';
import type { Transaction } from 'kysely';
import type { Database } from '../../store/database.types';
import type { ErasurePlan, ErasureSource, ErasureSubject } from './erasure-source';

/** The person and every identity they are known by. */
@Injectable()
export class DirectoryErasureSource implements ErasureSource {
  async plan(subject: ErasureSubject, trx: Transaction<Database>): Promise<ErasurePlan> {
    const personIds = subject.personId ? [subject.personId] : [];
    const people = personIds.length > 0 ? await trx.selectFrom('people').select('id').where('id', 'in', personIds).execute() : [];
    const identities = await trx
      .selectFrom('person_identities')
      .select('identity_key')
      .where((eb) => eb.or([eb('identity_key', 'in', subject.identityKeys), ...(personIds.length > 0 ? [eb('person_id', 'in', personIds)] : [])]))
      .execute();
    return {
      counts: { people: people.length, identities: identities.length },
      erase: async () => {
        if (people.length > 0) await trx.deleteFrom('people').where('id', 'in', personIds).execute();
        if (identities.length > 0) await trx.deleteFrom('person_identities').where('identity_key', 'in', identities.map((i) => i.identity_key)).execute();
        if (people.length + identities.length > 0) {
          await trx.updateTable('identity_directory_version').set((eb) => ({ version: eb('version', '+', 1) })).where('id', '=', 1).execute();
        }
      },
    };
  }
}
