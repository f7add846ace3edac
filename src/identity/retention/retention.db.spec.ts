import { type MigratedTestDatabase, migratedDatabase, TEST_ENGINES } from '../../../test/support/test-databases';
import { prepareStatement } from '../../lrs/statements/prepare-statement';
import { StatementStore } from '../../lrs/statements/statement-store';
import { createPinoLogger, HubLogger } from '../../observability/hub-logger';
import { DeadLettersRetentionSource } from './dead-letters.retention-source';
import { InboxRetentionSource } from './inbox.retention-source';
import { LrsStatementsRetentionSource } from './lrs-statements.retention-source';
import { RetentionJob } from './retention.job';

const DAY = 24 * 60 * 60 * 1000;
const NOW = new Date('2031-06-30T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);
const AUTHORITY = { objectType: 'Agent' as const, account: { homePage: 'http://hub.example', name: 'writer' } };

describe.each(TEST_ENGINES)('retention (%s)', (engine) => {
  let testDb: MigratedTestDatabase;

  beforeAll(async () => {
    testDb = await migratedDatabase(engine);
  });
  afterAll(async () => {
    await testDb?.close();
  });

  const jobWith = (config: { inboxDays?: number; statementDays?: number; deadLetterDays?: number }) => {
    const db = testDb.database;
    return new RetentionJob(
      db,
      [new InboxRetentionSource(db), new DeadLettersRetentionSource(db), new LrsStatementsRetentionSource(db)],
      config,
      new HubLogger(createPinoLogger('silent')),
    );
  };

  it('removes only inbox events and statements older than their limits, and never unfinished events', async () => {
    const db = testDb.database.db;
    const inbox = (eventId: string, receivedAt: Date, status: string) => ({
      event_id: eventId,
      instance_id: 'demo',
      event_key: eventId,
      received_at: receivedAt.toISOString(),
      status,
      raw_body: '{}',
      content_type: 'application/json',
      detail: null,
    });
    await db
      .insertInto('inbox')
      .values([inbox('old-done', daysAgo(31), 'normalized'), inbox('old-waiting', daysAgo(40), 'received'), inbox('young', daysAgo(29), 'normalized')])
      .execute();
    const store = new StatementStore(testDb.database);
    const statement = (id: string, stored: Date) =>
      prepareStatement(
        { id, actor: { mbox: 'mailto:ana@acme.example' }, verb: { id: 'http://adlnet.gov/expapi/verbs/attended' }, object: { id: 'https://acme.example/a' } },
        { stored, authority: AUTHORITY, version: '1.0.3' },
      );
    await store.insert(() => [statement('00000000-0000-4000-8000-000000000001', daysAgo(400))]);
    await store.insert(() => [statement('00000000-0000-4000-8000-000000000002', daysAgo(300))]);

    const removed = await jobWith({ inboxDays: 30, statementDays: 365 }).run(NOW);

    expect(removed).toEqual({ inboxEvents: 1, statements: 1 });
    expect((await db.selectFrom('inbox').select('event_id').orderBy('event_id').execute()).map((r) => r.event_id)).toEqual(['old-waiting', 'young']);
    expect((await db.selectFrom('statements').select('id').execute()).map((r) => r.id)).toEqual(['00000000-0000-4000-8000-000000000002']);
    // The removed statement's links went with it.
    const kept = await db.selectFrom('statements').select('seq').executeTakeFirstOrThrow();
    expect(new Set((await db.selectFrom('statement_agents').select('statement_seq').execute()).map((r) => Number(r.statement_seq)))).toEqual(new Set([Number(kept.seq)]));
  });

  it('removes dead letters that died longer ago than deadLetterDays, and nothing waiting or delivered', async () => {
    const db = testDb.database.db;
    const row = (statementId: string, status: 'pending' | 'delivered' | 'dead' | 'discarded', created: Date, died: Date | null) => ({
      destination_id: 'central',
      statement_id: statementId,
      event_id: 'e',
      instance_id: 'demo',
      statement: '{}',
      status,
      attempts: 1,
      next_attempt_at: created.toISOString(),
      received_at: created.toISOString(),
      created_at: created.toISOString(),
      last_attempt_at: died?.toISOString() ?? null,
    });
    await db
      .insertInto('outbox')
      .values([
        // Created long ago but died only last week: kept, the limit counts from the death.
        row('died-recently', 'dead', daysAgo(200), daysAgo(7)),
        row('died-long-ago', 'dead', daysAgo(200), daysAgo(100)),
        row('discarded-long-ago', 'discarded', daysAgo(200), daysAgo(95)),
        row('old-but-waiting', 'pending', daysAgo(200), daysAgo(150)),
        row('old-delivered', 'delivered', daysAgo(200), daysAgo(199)),
      ])
      .execute();

    expect(await jobWith({ deadLetterDays: 90 }).run(NOW)).toEqual({ deadLetters: 2 });
    expect((await db.selectFrom('outbox').select('statement_id').orderBy('statement_id').execute()).map((r) => r.statement_id)).toEqual([
      'died-recently',
      'old-but-waiting',
      'old-delivered',
    ]);
  });

  it('keeps everything a limit is not set for', async () => {
    expect(await jobWith({}).run(NOW)).toEqual({});
  });

  it('lets one process run a round while another holds the lease', async () => {
    const first = jobWith({ inboxDays: 30 });
    const second = jobWith({ inboxDays: 30 });
    expect(await first.runIfLeased(NOW)).toEqual({ inboxEvents: 0 });
    expect(await second.runIfLeased(new Date(NOW.getTime() + 1000))).toBeUndefined();
    expect(await first.runIfLeased(new Date(NOW.getTime() + 2000))).toEqual({ inboxEvents: 0 });
    // Once the holder's lease has run out (it crashed), another takes over.
    expect(await second.runIfLeased(new Date(NOW.getTime() + DAY))).toEqual({ inboxEvents: 0 });
  });
});
