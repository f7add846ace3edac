import { Inject, Injectable } from '@nestjs/common';
import type { Selectable } from 'kysely';
import type { HubDatabase } from '../../store/database';
import type { LrsCredentialsTable } from '../../store/database.types';
import { HUB_DATABASE } from '../../store/hub-database.token';
import type { Actor } from '../../xapi/statement';
import { isXapiScope, type XapiScopeName } from './xapi-scopes';

/** A credential as stored, without its secret. */
export interface StoredCredential {
  key: string;
  name: string;
  scopes: XapiScopeName[];
  authority: Actor;
  createdAt: string;
  revokedAt: string | null;
}

export interface NewCredentialRow {
  key: string;
  name: string;
  secretHash: string;
  scopes: XapiScopeName[];
  authority: Actor;
}

/** The lrs_credentials table: one port per operation, the same on SQLite and PostgreSQL. */
@Injectable()
export class CredentialStore {
  constructor(@Inject(HUB_DATABASE) private readonly database: HubDatabase) {}

  async insert(row: NewCredentialRow, now = new Date()): Promise<StoredCredential> {
    const createdAt = now.toISOString();
    await this.database.db
      .insertInto('lrs_credentials')
      .values(toRow(row, createdAt))
      .execute();
    return { key: row.key, name: row.name, scopes: row.scopes, authority: row.authority, createdAt, revokedAt: null };
  }

  /**
   * Creates the credential, or makes an existing one with this key match `row` and be
   * active again (the bootstrap credential from the environment). Safe to run from
   * several processes at once.
   */
  async upsert(row: NewCredentialRow, now = new Date()): Promise<void> {
    await this.database.db
      .insertInto('lrs_credentials')
      .values(toRow(row, now.toISOString()))
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          name: row.name,
          secret_hash: row.secretHash,
          scopes: JSON.stringify(row.scopes),
          authority: JSON.stringify(row.authority),
          revoked_at: null,
        }),
      )
      .execute();
  }

  /** The row with its secret hash, active or not. */
  async findWithHash(key: string): Promise<{ credential: StoredCredential; secretHash: string } | undefined> {
    const row = await this.database.db.selectFrom('lrs_credentials').selectAll().where('key', '=', key).executeTakeFirst();
    return row ? { credential: toCredential(row), secretHash: row.secret_hash } : undefined;
  }

  async list(): Promise<StoredCredential[]> {
    const rows = await this.database.db.selectFrom('lrs_credentials').selectAll().orderBy('seq').execute();
    return rows.map(toCredential);
  }

  /** Marks the credential revoked; false when there is no such active credential. */
  async revoke(key: string, now = new Date()): Promise<boolean> {
    const result = await this.database.db
      .updateTable('lrs_credentials')
      .set({ revoked_at: now.toISOString() })
      .where('key', '=', key)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  }
}

function toCredential(row: Selectable<LrsCredentialsTable>): StoredCredential {
  const scopes = (JSON.parse(row.scopes) as unknown[]).filter(isXapiScope);
  return {
    key: row.key,
    name: row.name,
    scopes,
    authority: JSON.parse(row.authority) as Actor,
    createdAt: row.created_at,
    revokedAt: row.revoked_at,
  };
}

function toRow(row: NewCredentialRow, createdAt: string) {
  return {
    key: row.key,
    name: row.name,
    secret_hash: row.secretHash,
    scopes: JSON.stringify(row.scopes),
    authority: JSON.stringify(row.authority),
    created_at: createdAt,
    revoked_at: null,
  };
}
