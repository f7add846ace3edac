import { Inject, Injectable } from '@nestjs/common';
import type { HubDatabase } from '../../store/database';
import { HUB_DATABASE } from '../../store/hub-database.token';
import { identityKey } from '../identity-key';
import { IdentityResolver } from '../identity-resolver.service';
import type { Identity } from '../identity.types';
import { PeopleRepository } from '../people.repository';
import { erasureSubject } from './erasure-subject';
import type { ErasureSource } from './erasure-source';

export const ERASURE_SOURCES = Symbol('ERASURE_SOURCES');
export const EXTERNAL_DESTINATIONS = Symbol('EXTERNAL_DESTINATIONS');

/** A destination outside the hub: statements sent there must be deleted there too. */
export interface ExternalDestination {
  id: string;
  endpoint?: string;
  /** It received pseudonyms, not identifiers: deleting there needs the pseudonym (same key, same HMAC). */
  pseudonymised: boolean;
}

export interface ErasureReport {
  /** Rows per kind (people, identities, inboxEvents, quarantined, heldStatements, outboxRows, statements, documents). */
  counts: Record<string, number>;
  /** Only after a real erasure. */
  externalDestinations?: ExternalDestination[];
}

/**
 * "Forget this learner": plans every erasure source in one transaction — a dry run stops
 * there and answers the counts — then erases them all and writes an audit row that holds the
 * counts, the time and who asked, never whom.
 */
@Injectable()
export class ErasureService {
  constructor(
    @Inject(HUB_DATABASE) private readonly database: HubDatabase,
    private readonly people: PeopleRepository,
    private readonly resolver: IdentityResolver,
    @Inject(ERASURE_SOURCES) private readonly sources: ErasureSource[],
    @Inject(EXTERNAL_DESTINATIONS) private readonly externalDestinations: ExternalDestination[],
  ) {}

  async erase(identity: Identity, options: { dryRun: boolean; requestedBy: string }): Promise<ErasureReport> {
    const person = await this.people.findByKey(identityKey(identity));
    const subject = erasureSubject(person ? person.identities : [identity], person?.id);
    const counts = await this.database.db.transaction().execute(async (trx) => {
      const plans = [];
      for (const source of this.sources) plans.push(await source.plan(subject, trx));
      const counts: Record<string, number> = Object.assign({}, ...plans.map((p) => p.counts));
      if (options.dryRun) return counts;
      for (const plan of plans) await plan.erase();
      await trx
        .insertInto('erasure_audit')
        .values({
          erased_at: new Date().toISOString(),
          requested_by: options.requestedBy,
          counts: JSON.stringify(counts),
          external_destinations: JSON.stringify(this.externalDestinations.map((d) => d.id)),
        })
        .execute();
      return counts;
    });
    if (options.dryRun) return { counts };
    this.resolver.directoryChanged();
    return { counts, externalDestinations: this.externalDestinations };
  }

  async audit(limit: number): Promise<{ erasedAt: string; requestedBy: string; counts: Record<string, number>; externalDestinations: string[] }[]> {
    const rows = await this.database.db.selectFrom('erasure_audit').selectAll().orderBy('seq', 'desc').limit(limit).execute();
    return rows.map((r) => ({ erasedAt: r.erased_at, requestedBy: r.requested_by, counts: JSON.parse(r.counts), externalDestinations: JSON.parse(r.external_destinations) }));
  }
}
