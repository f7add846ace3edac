import { Inject, Injectable } from '@nestjs/common';
import type { Kysely } from 'kysely';
import type { HubDatabase } from '../../store/database';
import type { Database } from '../../store/database.types';
import { HUB_DATABASE } from '../../store/hub-database.token';
import type { AttachmentContent } from './attachment-parts';

/** Attachment bytes, kept once per SHA-2 however many statements carry them. */
@Injectable()
export class AttachmentStore {
  constructor(@Inject(HUB_DATABASE) private readonly database: HubDatabase) {}

  /** Writes the attachments not yet stored; runs inside the statements' transaction. */
  static async insert(trx: Kysely<Database>, attachments: readonly AttachmentContent[], now: string): Promise<void> {
    if (attachments.length === 0) return;
    await trx
      .insertInto('attachments')
      .values(
        attachments.map((a) => ({ sha2: a.sha2, content_type: a.contentType, length: a.content.length, content: a.content, created_at: now })),
      )
      .onConflict((oc) => oc.column('sha2').doNothing())
      .execute();
  }

  async findByHashes(hashes: readonly string[]): Promise<AttachmentContent[]> {
    if (hashes.length === 0) return [];
    const rows = await this.database.db
      .selectFrom('attachments')
      .select(['sha2', 'content_type', 'content'])
      .where('sha2', 'in', [...new Set(hashes.map((h) => h.toLowerCase()))])
      .execute();
    return rows.map((row) => ({ sha2: row.sha2, contentType: row.content_type, content: Buffer.from(row.content) }));
  }
}
