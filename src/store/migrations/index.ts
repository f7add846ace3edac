import { Migrator, type Migration } from 'kysely';
import type { HubDatabase } from '../database';
import { inboxMigration } from './0001-inbox';
import { statementsMigration } from './0002-statements';
import { statementAttachmentsMigration } from './0003-statement-attachments';
import { documentsMigration } from './0004-documents';
import { lrsCredentialsMigration } from './0005-lrs-credentials';
import { linkOrderIndexesMigration } from './0006-link-order-indexes';
import { deliveryOutboxMigration } from './0007-delivery-outbox';
import { connectorHostMigration } from './0008-connector-host';
import { identityMigration } from './0009-identity';
import { queryIndexesMigration } from './0011-query-indexes';
import { withMigrationLock } from './migration-lock';

/** Every migration, in order. Names are permanent: a renamed one would run again. */
function migrationsFor(engine: HubDatabase['engine']): Record<string, Migration> {
  return {
    '0001-inbox': inboxMigration(engine),
    '0002-statements': statementsMigration(engine),
    '0003-statement-attachments': statementAttachmentsMigration(engine),
    '0004-documents': documentsMigration(engine),
    '0005-lrs-credentials': lrsCredentialsMigration(engine),
    '0006-link-order-indexes': linkOrderIndexesMigration,
    '0007-delivery-outbox': deliveryOutboxMigration(engine),
    '0008-connector-host': connectorHostMigration,
    '0009-identity': identityMigration(engine),
    '0011-query-indexes': queryIndexesMigration,
  };
}

export class MigrationFailedError extends Error {}

/** Applies what is missing, once, even when several hub processes start together on one database. */
export async function migrateToLatest(database: HubDatabase): Promise<void> {
  await withMigrationLock(database, async (db) => {
    const migrator = new Migrator({ db, provider: { getMigrations: async () => migrationsFor(database.engine) } });
    const { error, results } = await migrator.migrateToLatest();
    if (error) {
      const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
      throw new MigrationFailedError(`migration ${failed} failed: ${(error as Error).message}`);
    }
  });
}
