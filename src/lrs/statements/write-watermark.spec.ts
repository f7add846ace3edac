import { randomUUID } from 'node:crypto';
import { type HubDatabase, openDatabase } from '../../store/database';
import { freshDatabase, TEST_ENGINES, type TestDatabase } from '../../../test/support/test-databases';
import { migrateToLatest } from '../../store/migrations';
import type { Actor } from '../../xapi/statement';
import { prepareStatement } from './prepare-statement';
import { StatementStore } from './statement-store';
import { inStatementWrite } from './write-watermark';

const AUTHORITY: Actor = { objectType: 'Agent', account: { homePage: 'http://hub.example', name: 'writer' } };
const statementAt = (stored: Date) =>
  prepareStatement({ id: randomUUID(), actor: { mbox: 'mailto:ana@example.org' }, verb: { id: 'http://example.org/verbs/did' }, object: { id: 'http://example.org/a' } }, {
    stored,
    authority: AUTHORITY,
    version: '1.0.3',
  });

// Two LRS processes on one database: each opens its own connections, as separate processes do.
describe.each(TEST_ENGINES)('Consistent-Through across LRS processes (%s)', (engine) => {
  let fresh: TestDatabase;
  let writerDb: HubDatabase;
  let readerDb: HubDatabase;
  let reader: StatementStore;

  beforeAll(async () => {
    fresh = await freshDatabase(engine);
    writerDb = openDatabase(fresh.url);
    readerDb = openDatabase(fresh.url);
    await migrateToLatest(writerDb);
    reader = new StatementStore(readerDb);
    await new StatementStore(writerDb).insert((stored) => [statementAt(stored)]);
  });
  afterAll(async () => {
    await writerDb.db.destroy();
    await readerDb.db.destroy();
    await fresh.drop();
  });

  it("stays before another process's write until it commits, then moves past it", async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let inFlight!: (stored: Date) => void;
    const storedOfWrite = new Promise<Date>((resolve) => (inFlight = resolve));
    const write = inStatementWrite(writerDb, async (trx, stored) => {
      const statement = statementAt(stored);
      await trx
        .insertInto('statements')
        .values({ id: statement.id, stored: statement.stored, timestamp: statement.timestamp, verb_id: statement.verbId, voided: 0, full_json: statement.fullJson })
        .execute();
      inFlight(stored);
      await held;
    });
    const stored = await storedOfWrite;
    await new Promise((resolve) => setTimeout(resolve, 20));

    // The other process reads while the write is open: the statement may still appear, so not past it.
    expect(Date.parse(await reader.consistentThrough())).toBeLessThan(stored.getTime());

    release();
    await write;
    expect(Date.parse(await reader.consistentThrough())).toBeGreaterThanOrEqual(stored.getTime());
  });

  it('is the millisecond before now when no write is in flight', async () => {
    const before = Date.now();
    const through = Date.parse(await reader.consistentThrough());
    expect(through).toBeGreaterThanOrEqual(before - 1);
    expect(through).toBeLessThan(Date.now());
  });

  it('is before the stored instant of every write that starts after it, even in the same millisecond', async () => {
    // A reader asks since=<Consistent-Through> next; a statement stored exactly at it would be skipped.
    const writer = new StatementStore(writerDb);
    for (let i = 0; i < 50; i++) {
      const through = await reader.consistentThrough();
      const { statements: [statement] } = await writer.insert((stored) => [statementAt(stored)]);
      expect(statement.stored > through).toBe(true);
    }
  });
});
