import type { ColumnDefinitionBuilder, CreateTableBuilder } from 'kysely';
import type { DatabaseEngine } from '../database';

/** An auto-incrementing integer key, the one column type the two engines spell differently. */
export function withSeqKey<T extends string>(
  table: CreateTableBuilder<T, never>,
  engine: DatabaseEngine,
): CreateTableBuilder<T, 'seq'> {
  return engine === 'postgres'
    ? table.addColumn('seq', 'bigserial', (c: ColumnDefinitionBuilder) => c.primaryKey())
    : table.addColumn('seq', 'integer', (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement());
}
