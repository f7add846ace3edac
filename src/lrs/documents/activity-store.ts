import { Inject, Injectable } from '@nestjs/common';
import type { HubDatabase } from '../../store/database';
import { HUB_DATABASE } from '../../store/hub-database.token';
import { type ActivityDefinition, definitionsIn, mergeDefinitions } from './activity-definition';

/**
 * Statements stored more recently than this may still have neighbours with lower `seq`
 * in transactions that have not committed yet, so they are folded on every read but not
 * written into the saved definition until they are older.
 */
export const SETTLE_MS = 5 * 60_000;
const PAGE = 500;

export interface KnownActivity {
  objectType: 'Activity';
  id: string;
  definition?: ActivityDefinition;
}

interface SavedDefinition {
  definition: ActivityDefinition | undefined;
  foldedSeq: number;
}

/**
 * The Activities resource's data: the merged definition of an Activity, folded from the
 * statements that mention it (found through `statement_activities`). The fold is saved in
 * `activity_definitions` with the last statement `seq` it covers, so a read only looks at
 * statements stored since; it is written here, on read, never in the statement insert.
 */
@Injectable()
export class ActivityStore {
  constructor(@Inject(HUB_DATABASE) private readonly database: HubDatabase) {}

  async find(activityId: string, now = new Date()): Promise<KnownActivity> {
    const saved = await this.saved(activityId);
    const settledBefore = new Date(now.getTime() - SETTLE_MS).toISOString();
    let settled: SavedDefinition = saved;
    let definition = saved.definition;
    let allSettled = true;
    let afterSeq = saved.foldedSeq;

    for (;;) {
      const rows = await this.database.db
        .selectFrom('statement_activities as t')
        .innerJoin('statements as s', 's.seq', 't.statement_seq')
        .select(['s.seq', 's.stored', 's.full_json'])
        .where('t.activity_id', '=', activityId)
        .where('t.statement_seq', '>', afterSeq)
        .orderBy('t.statement_seq')
        .limit(PAGE)
        .execute();
      for (const row of rows) {
        for (const found of definitionsIn(JSON.parse(row.full_json), activityId)) definition = mergeDefinitions(definition, found);
        allSettled &&= row.stored < settledBefore;
        if (allSettled) settled = { definition, foldedSeq: Number(row.seq) };
      }
      if (rows.length < PAGE) break;
      afterSeq = Number(rows[rows.length - 1].seq);
    }

    if (settled.foldedSeq > saved.foldedSeq) await this.save(activityId, settled.definition, settled.foldedSeq);
    return definition ? { objectType: 'Activity', id: activityId, definition } : { objectType: 'Activity', id: activityId };
  }

  private async saved(activityId: string): Promise<SavedDefinition> {
    const row = await this.database.db
      .selectFrom('activity_definitions')
      .select(['definition_json', 'folded_seq'])
      .where('activity_id', '=', activityId)
      .executeTakeFirst();
    if (!row) return { definition: undefined, foldedSeq: 0 };
    return { definition: (JSON.parse(row.definition_json) as ActivityDefinition | null) ?? undefined, foldedSeq: Number(row.folded_seq) };
  }

  /** Saves a fold unless a concurrent read has already saved one that covers more. */
  private async save(activityId: string, definition: ActivityDefinition | undefined, foldedSeq: number): Promise<void> {
    await this.database.db
      .insertInto('activity_definitions')
      .values({ activity_id: activityId, definition_json: JSON.stringify(definition ?? null), folded_seq: foldedSeq })
      .onConflict((oc) =>
        oc
          .column('activity_id')
          .doUpdateSet((eb) => ({ definition_json: eb.ref('excluded.definition_json'), folded_seq: eb.ref('excluded.folded_seq') }))
          .where('activity_definitions.folded_seq', '<', (eb) => eb.ref('excluded.folded_seq')),
      )
      .execute();
  }
}
