import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { migratedDatabase, type MigratedTestDatabase, TEST_ENGINES } from '../../test/support/test-databases';
import type { Connector } from '../connector-sdk/connector';
import { createPinoLogger, HubLogger } from '../observability/hub-logger';
import { HubMetrics } from '../observability/hub-metrics';
import { HubQueues } from '../queues/hub-queues';
import { normalizeJobId } from '../queues/queue-catalogue';
import { producerConnection } from '../queues/redis-connection';
import { InboxRepository } from '../store/inbox.repository';
import type { ConnectorInstance } from './connector-instances';
import { EventAdmission, HubBackendUnavailableError } from './event-admission';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const REQUESTS = 20;

/** Intake's group commit, against a real database and Redis (issue #10, the intake lever). */
describe.each(TEST_ENGINES)('EventAdmission group commit (%s)', (engine) => {
  let test: MigratedTestDatabase;
  let admission: EventAdmission;
  let metrics: HubMetrics;
  const connection = producerConnection(REDIS_URL);
  const queues = new HubQueues(connection, `test-${randomBytes(5).toString('hex')}`, []);
  const instance: ConnectorInstance = { id: 'lms', connector: {} as Connector, config: {}, enabled: true, destinations: [], secrets: [] };

  beforeAll(async () => {
    test = await migratedDatabase(engine);
    if (connection.status !== 'ready') await new Promise((resolve) => connection.once('ready', resolve));
  });
  beforeEach(() => {
    metrics = new HubMetrics();
    admission = new EventAdmission(new InboxRepository(test.database), queues, new HubLogger(createPinoLogger('silent')), metrics);
  });
  afterAll(async () => {
    await queues.normalize.obliterate({ force: true });
    await queues.close();
    connection.disconnect();
    await test.close();
  });

  const commits = async () => (await metrics.inboxCommits.get()).values[0]?.value ?? 0;
  const inboxKeys = async (prefix: string) =>
    (await test.database.db.selectFrom('inbox').select('event_key').where('event_key', 'like', `${prefix}%`).execute()).map((r) => r.event_key).sort();
  const requests = (prefix: string) => Array.from({ length: REQUESTS }, (_, n) => [{ key: `${prefix}${String(n).padStart(2, '0')}`, body: { n } }]);

  it('concurrent requests share one inbox transaction and one Redis round trip; each is answered with its own committed row', async () => {
    const answers = await Promise.all(requests('together-').map((events) => admission.admit(instance, events, new Date())));
    expect(await commits()).toBe(1);
    expect(answers.map((a) => a.map((e) => [e.eventKey, e.duplicate]))).toEqual(requests('together-').map(([e]) => [[e.key, false]]));
    expect(await inboxKeys('together-')).toEqual(requests('together-').map(([e]) => e.key));
    // Every job is in the queue once the answers are out.
    const jobs = await Promise.all(answers.map(([e]) => queues.normalize.getJob(normalizeJobId(e.eventId))));
    expect(jobs.every((job) => job !== undefined)).toBe(true);
  });

  it('a repeat in the same group is a duplicate of the first, as it would be one after the other', async () => {
    const [[first], [repeat]] = await Promise.all([0, 1].map(() => admission.admit(instance, [{ key: 'twice', body: {} }], new Date())));
    expect([first.duplicate, repeat.duplicate]).toEqual([false, true]);
    expect(repeat.eventId).toBe(first.eventId);
  });

  it('a commit the database refuses acknowledges nothing: every request in it fails as unavailable (503) and no row is left', async () => {
    await refuseInboxInserts(test, engine, true);
    try {
      const answers = await Promise.allSettled(requests('refused-').map((events) => admission.admit(instance, events, new Date())));
      expect(answers.every((a) => a.status === 'rejected' && a.reason instanceof HubBackendUnavailableError)).toBe(true);
    } finally {
      await refuseInboxInserts(test, engine, false);
    }
    expect(await inboxKeys('refused-')).toEqual([]);
  });
});

/** The database says no to every new inbox row (a real refusal, not a mock): a trigger on SQLite, a constraint on PostgreSQL. */
async function refuseInboxInserts(test: MigratedTestDatabase, engine: string, refuse: boolean): Promise<void> {
  const db = test.database.db;
  if (engine === 'sqlite') {
    if (refuse) await sql`create trigger refuse_inbox before insert on inbox begin select raise(abort, 'inbox refused'); end`.execute(db);
    else await sql`drop trigger refuse_inbox`.execute(db);
  } else if (refuse) await sql`alter table inbox add constraint refuse_inbox check (false) not valid`.execute(db);
  else await sql`alter table inbox drop constraint refuse_inbox`.execute(db);
}
