import type { Generated, Kysely } from 'kysely';
import type { HubDatabase } from '../../src/store/database';
import type { Database } from '../../src/store/database.types';
import { withSeqKey } from '../../src/store/migrations/column-types';

/** The insert baseline's table: the same integer key as `statements`, a unique id, the JSON. Nothing else. */
type PlainTables = {
  bench_plain: { seq: Generated<number>; id: string; body: string };
};

export interface PlainRow {
  id: string;
  body: string;
}

/** What inserting statements costs the database alone: no validation, links, voiding or conflict checks. */
export class PlainStatementTable {
  private readonly db: Kysely<Database & PlainTables>;

  private constructor(database: HubDatabase) {
    this.db = database.db.withTables<PlainTables>();
  }

  static async create(database: HubDatabase): Promise<PlainStatementTable> {
    await withSeqKey(database.db.schema.createTable('bench_plain'), database.engine)
      .addColumn('id', 'text', (c) => c.notNull().unique())
      .addColumn('body', 'text', (c) => c.notNull())
      .execute();
    return new PlainStatementTable(database);
  }

  /** One multi-row INSERT in one transaction, as the LRS writes a batch. */
  async insert(rows: PlainRow[]): Promise<void> {
    await this.db.transaction().execute((trx) => trx.insertInto('bench_plain').values(rows).execute());
  }
}
