import { Inject, Injectable } from '@nestjs/common';
import type { Kysely, Selectable, Transaction } from 'kysely';
import { randomUUID } from 'node:crypto';
import type { HubDatabase } from '../store/database';
import type { Database, PeopleTable } from '../store/database.types';
import { HUB_DATABASE } from '../store/hub-database.token';
import type { Actor } from '../xapi/statement';
import { identityKey, identityOfActor, normalIdentity } from './identity-key';
import { IdentityTakenError, PersonNotFoundError } from './identity.errors';
import type { DirectoryPerson, Identity, PersonRecord } from './identity.types';
import type { PersonInput, PersonPatch } from './person-input';

export interface DirectoryContents {
  version: number;
  people: DirectoryPerson[];
  identities: { key: string; personId: string }[];
}

type Db = Kysely<Database> | Transaction<Database>;

/**
 * The directory's tables. Every write runs in one transaction that also bumps the directory
 * version, which is how the caches of every other process learn that they are stale.
 */
@Injectable()
export class PeopleRepository {
  constructor(@Inject(HUB_DATABASE) private readonly database: HubDatabase) {}

  async version(): Promise<number> {
    const row = await this.database.db.selectFrom('identity_directory_version').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
    return Number(row.version);
  }

  /** Everything resolution needs, read in one transaction so the version matches the rows. */
  async loadDirectory(): Promise<DirectoryContents> {
    return this.database.db.transaction().execute(async (trx) => {
      const version = await trx.selectFrom('identity_directory_version').select('version').where('id', '=', 1).executeTakeFirstOrThrow();
      const people = await trx.selectFrom('people').select(['id', 'actor', 'attributes']).execute();
      const identities = await trx.selectFrom('person_identities').select(['identity_key', 'person_id']).execute();
      return {
        version: Number(version.version),
        people: people.map((p) => ({ id: p.id, actor: JSON.parse(p.actor) as Actor, attributes: JSON.parse(p.attributes) as Record<string, string> })),
        identities: identities.map((i) => ({ key: i.identity_key, personId: i.person_id })),
      };
    });
  }

  async get(id: string): Promise<PersonRecord | undefined> {
    const row = await this.database.db.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
    return row && this.record(this.database.db, row);
  }

  async findByKey(key: string): Promise<PersonRecord | undefined> {
    const owner = await this.database.db.selectFrom('person_identities').select('person_id').where('identity_key', '=', key).executeTakeFirst();
    return owner && this.get(owner.person_id);
  }

  /** People in creation order, after the `after` cursor (a person id), at most `limit`. */
  async list(limit: number, after?: string): Promise<PersonRecord[]> {
    let query = this.database.db.selectFrom('people').selectAll().orderBy('seq').limit(limit);
    if (after) query = query.where('seq', '>', (eb) => eb.selectFrom('people').select('seq').where('id', '=', after));
    const rows = await query.execute();
    return Promise.all(rows.map((row) => this.record(this.database.db, row)));
  }

  /** Which person owns each of these keys today. */
  async ownersOf(keys: readonly string[], db: Db = this.database.db): Promise<Map<string, string>> {
    if (keys.length === 0) return new Map();
    const rows = await db.selectFrom('person_identities').select(['identity_key', 'person_id']).where('identity_key', 'in', [...keys]).execute();
    return new Map(rows.map((r) => [r.identity_key, r.person_id]));
  }

  async identityKeysOf(personId: string): Promise<string[]> {
    const rows = await this.database.db.selectFrom('person_identities').select('identity_key').where('person_id', '=', personId).execute();
    return rows.map((r) => r.identity_key);
  }

  /** A new person with the canonical identifier and the other identities; IdentityTakenError if one is anyone's. */
  async create(input: PersonInput): Promise<PersonRecord> {
    return this.write(async (trx, now) => {
      const id = randomUUID();
      await trx
        .insertInto('people')
        .values({ id, actor: JSON.stringify(input.actor), name: input.actor.name ?? null, attributes: JSON.stringify(input.attributes), created_at: now, updated_at: now })
        .execute();
      await this.claim(trx, id, [identityOfActor(input.actor)!, ...input.identities], now);
      return id;
    });
  }

  /**
   * Changes a person: a new canonical actor (the old one stays an identity, since statements
   * carry it), attributes merged (null removes one), identities replaced when given.
   */
  async update(id: string, patch: PersonPatch): Promise<PersonRecord> {
    return this.write(async (trx, now) => {
      const row = await trx.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new PersonNotFoundError(id);
      const actor = patch.actor ?? (JSON.parse(row.actor) as Actor);
      const attributes: Record<string, string> = JSON.parse(row.attributes);
      for (const [key, value] of Object.entries(patch.attributes ?? {})) {
        if (value === null) delete attributes[key];
        else attributes[key] = value;
      }
      await trx
        .updateTable('people')
        .set({ actor: JSON.stringify(actor), name: actor.name ?? null, attributes: JSON.stringify(attributes), updated_at: now })
        .where('id', '=', id)
        .execute();
      const canonical = identityOfActor(actor)!;
      if (patch.identities) {
        await trx.deleteFrom('person_identities').where('person_id', '=', id).execute();
        await this.claim(trx, id, [canonical, ...patch.identities], now);
      } else {
        await this.claim(trx, id, [canonical], now);
      }
      return id;
    });
  }

  /** What a roster hint adds to a known person: identities, a name when there was none, attributes. */
  async learnInto(id: string, identities: Identity[], name: string | undefined, attributes: Record<string, string>): Promise<PersonRecord> {
    return this.write(async (trx, now) => {
      const row = await trx.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirst();
      if (!row) throw new PersonNotFoundError(id);
      const actor = JSON.parse(row.actor) as Actor;
      if (name && !actor.name) actor.name = name;
      const merged = { ...(JSON.parse(row.attributes) as Record<string, string>), ...attributes };
      await trx.updateTable('people').set({ actor: JSON.stringify(actor), name: actor.name ?? null, attributes: JSON.stringify(merged), updated_at: now }).where('id', '=', id).execute();
      await this.claim(trx, id, identities, now);
      return id;
    });
  }

  async remove(id: string): Promise<boolean> {
    let found = false;
    await this.database.db.transaction().execute(async (trx) => {
      const result = await trx.deleteFrom('people').where('id', '=', id).executeTakeFirst();
      found = Number(result.numDeletedRows) > 0;
      await trx.deleteFrom('person_identities').where('person_id', '=', id).execute();
      if (found) await bumpVersion(trx);
    });
    return found;
  }

  /** `from`'s identities and attributes (where `into` has none) move to `into`; `from` goes. */
  async merge(intoId: string, fromId: string): Promise<PersonRecord> {
    return this.write(async (trx, now) => {
      const into = await trx.selectFrom('people').selectAll().where('id', '=', intoId).executeTakeFirst();
      const from = await trx.selectFrom('people').selectAll().where('id', '=', fromId).executeTakeFirst();
      if (!into) throw new PersonNotFoundError(intoId);
      if (!from) throw new PersonNotFoundError(fromId);
      const attributes = { ...(JSON.parse(from.attributes) as Record<string, string>), ...(JSON.parse(into.attributes) as Record<string, string>) };
      await trx.updateTable('people').set({ attributes: JSON.stringify(attributes), updated_at: now }).where('id', '=', intoId).execute();
      await trx.updateTable('person_identities').set({ person_id: intoId }).where('person_id', '=', fromId).execute();
      await trx.deleteFrom('people').where('id', '=', fromId).execute();
      return intoId;
    });
  }

  /** Runs a write with the version bump in the same transaction, and returns the person after it. */
  private async write(work: (trx: Transaction<Database>, now: string) => Promise<string>): Promise<PersonRecord> {
    return this.database.db.transaction().execute(async (trx) => {
      const id = await work(trx, new Date().toISOString());
      await bumpVersion(trx);
      const row = await trx.selectFrom('people').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      return this.record(trx, row);
    });
  }

  /** Adds identities to a person; ones it already has are kept, ones another person has fail the write. */
  private async claim(trx: Transaction<Database>, personId: string, identities: Identity[], now: string): Promise<void> {
    const unique = new Map(identities.map((identity) => [identityKey(identity), normalIdentity(identity)]));
    if (unique.size === 0) return;
    // ON CONFLICT DO NOTHING + a look at the owners: race-free on both engines, unlike a read first.
    await trx
      .insertInto('person_identities')
      .values([...unique].map(([key, identity]) => ({ identity_key: key, person_id: personId, identity: JSON.stringify(identity), created_at: now })))
      .onConflict((oc) => oc.column('identity_key').doNothing())
      .execute();
    const owners = await this.ownersOf([...unique.keys()], trx);
    const taken = [...owners].filter(([, owner]) => owner !== personId).map(([key, owner]) => ({ identityKey: key, personId: owner }));
    if (taken.length > 0) throw new IdentityTakenError(taken);
  }

  private async record(db: Db, row: Selectable<PeopleTable>): Promise<PersonRecord> {
    const identities = await db.selectFrom('person_identities').select('identity').where('person_id', '=', row.id).orderBy('created_at').orderBy('identity_key').execute();
    return {
      id: row.id,
      actor: JSON.parse(row.actor) as Actor,
      name: row.name,
      attributes: JSON.parse(row.attributes) as Record<string, string>,
      identities: identities.map((i) => JSON.parse(i.identity) as Identity),
      createdAt: row.created_at,
      updatedAt: row.updated_at,
    };
  }
}

async function bumpVersion(trx: Transaction<Database>): Promise<void> {
  await trx
    .updateTable('identity_directory_version')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', 1)
    .execute();
}
