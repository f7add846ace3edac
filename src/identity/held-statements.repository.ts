import { Inject, Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import type { HubDatabase } from '../store/database';
import { HUB_DATABASE } from '../store/hub-database.token';
import type { Statement } from '../xapi/statement';

export interface HeldStatement {
  heldId: number;
  instanceId: string;
  eventId: string | null;
  identityKey: string;
  statement: Statement;
  heldAt: string;
}

/** Statements waiting for an admin to tell the directory who their actor is. */
@Injectable()
export class HeldStatementsRepository {
  constructor(@Inject(HUB_DATABASE) private readonly database: HubDatabase) {}

  /** Stores them; a statement already held for this instance (a normalize retry) is kept once. */
  async hold(instanceId: string, eventId: string | null, items: { identityKey: string; statement: Statement }[]): Promise<void> {
    if (items.length === 0) return;
    const heldAt = new Date().toISOString();
    await this.database.db
      .insertInto('held_statements')
      .values(
        items.map(({ identityKey, statement }) => {
          const json = JSON.stringify(statement);
          return {
            instance_id: instanceId,
            event_id: eventId,
            identity_key: identityKey,
            statement_key: statement.id ?? createHash('sha256').update(json).digest('hex'),
            statement: json,
            held_at: heldAt,
          };
        }),
      )
      .onConflict((oc) => oc.columns(['instance_id', 'statement_key']).doNothing())
      .execute();
  }

  async forKeys(keys: readonly string[]): Promise<HeldStatement[]> {
    if (keys.length === 0) return [];
    const rows = await this.database.db.selectFrom('held_statements').selectAll().where('identity_key', 'in', [...keys]).orderBy('seq').execute();
    return rows.map((row) => ({
      heldId: Number(row.seq),
      instanceId: row.instance_id,
      eventId: row.event_id,
      identityKey: row.identity_key,
      statement: JSON.parse(row.statement) as Statement,
      heldAt: row.held_at,
    }));
  }

  /** What an admin has to resolve: each unknown identity key, how many statements wait on it, since when. */
  async summary(limit: number): Promise<{ identityKey: string; statements: number; oldest: string }[]> {
    const rows = await this.database.db
      .selectFrom('held_statements')
      .select((eb) => ['identity_key', eb.fn.countAll<number>().as('statements'), eb.fn.min('held_at').as('oldest')])
      .groupBy('identity_key')
      .orderBy('oldest')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ identityKey: r.identity_key, statements: Number(r.statements), oldest: String(r.oldest) }));
  }

  async remove(heldIds: readonly number[]): Promise<void> {
    if (heldIds.length === 0) return;
    await this.database.db.deleteFrom('held_statements').where('seq', 'in', [...heldIds]).execute();
  }
}
