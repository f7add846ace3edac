import { randomBytes } from 'node:crypto';
import { UnrecoverableError } from 'bullmq';
import { sql } from 'kysely';
import { migratedDatabase, type MigratedTestDatabase, TEST_ENGINES } from '../../../test/support/test-databases';
import type { Connector, ConnectorContext, SourceEvent } from '../../connector-sdk/connector';
import { HttpUnavailableError } from '../../connector-sdk/capabilities';
import { SourceAuthError } from '../../connector-sdk/source-errors';
import { createPinoLogger, HubLogger } from '../../observability/hub-logger';
import { HubMetrics } from '../../observability/hub-metrics';
import { HubQueues } from '../../queues/hub-queues';
import { producerConnection } from '../../queues/redis-connection';
import { ConnectorInstances, QueueSettings } from '../../runtime-settings';
import { InboxRepository } from '../../store/inbox.repository';
import { DatabaseInstanceState } from '../capabilities/instance-state';
import { ConnectorContexts } from '../connector-contexts';
import type { ConnectorInstance } from '../connector-instances';
import { EventAdmission, HubBackendUnavailableError } from '../event-admission';
import type { JsonataSandbox } from '../jsonata';
import { ConnectorTasksWorker } from './connector-tasks.worker';
import { TaskStatusRepository } from './task-status.repository';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** A pull that reads records after its cursor, returns them and moves the cursor — as workday and personio do. */
let behaviour: 'pull' | 'refused' | 'unreachable' = 'pull';
const feed = {
  id: 'feed',
  tasks: {
    pull: {
      everyMs: () => 60_000,
      async run({ state }: ConnectorContext<object>): Promise<SourceEvent[]> {
        if (behaviour === 'refused') throw new SourceAuthError('the source refused the API key (401): check apiKey', 401);
        if (behaviour === 'unreachable') throw new HttpUnavailableError('no answer within 10 s', 'https://source.example/api');
        const cursor = (await state.get<number>('cursor')) ?? 0;
        await state.set('cursor', cursor + 2);
        expect(await state.get('cursor')).toBe(cursor + 2); // the run reads its own write
        return [1, 2].map((n) => ({ key: `record-${cursor + n}`, body: { n: cursor + n } }));
      },
    },
  },
} as unknown as Connector;

/** Against a real database and Redis: a task run's state and events are kept together or not at all. */
describe.each(TEST_ENGINES)('a scheduled task run (%s)', (engine) => {
  let test: MigratedTestDatabase;
  let worker: ConnectorTasksWorker;
  let statuses: TaskStatusRepository;
  const connection = producerConnection(REDIS_URL);
  const queues = new HubQueues(connection, `test-${randomBytes(5).toString('hex')}`, []);
  const instance: ConnectorInstance = { id: 'pulled', connector: feed, config: {}, enabled: true, destinations: [], secrets: [] };

  beforeAll(async () => {
    test = await migratedDatabase(engine);
    if (connection.status !== 'ready') await new Promise((resolve) => connection.once('ready', resolve));
    const logger = new HubLogger(createPinoLogger('silent'));
    statuses = new TaskStatusRepository(test.database);
    worker = new ConnectorTasksWorker(
      new ConnectorInstances(new Map([[instance.id, instance]])),
      new QueueSettings(REDIS_URL, queues.prefix),
      queues,
      new ConnectorContexts(test.database, {} as JsonataSandbox, logger),
      new EventAdmission(new InboxRepository(test.database), queues, logger, new HubMetrics()),
      logger,
      statuses,
    );
  });
  afterAll(async () => {
    await queues.normalize.obliterate({ force: true });
    await queues.tasks.obliterate({ force: true });
    await queues.close();
    connection.disconnect();
    await test.close();
  });

  const cursor = () => new DatabaseInstanceState(test.database, instance.id).get('cursor');
  const inboxKeys = async () => (await test.database.db.selectFrom('inbox').select('event_key').orderBy('seq').execute()).map((r) => r.event_key);

  it('commits the cursor with the events it read', async () => {
    behaviour = 'pull';
    await worker.run({ instanceId: instance.id, task: 'pull' });
    expect(await cursor()).toBe(2);
    expect(await inboxKeys()).toEqual(['record-1', 'record-2']);
  });

  it('leaves the cursor where it was when the events cannot be kept, so the next run reads them again', async () => {
    await sql`ALTER TABLE inbox RENAME TO inbox_away`.execute(test.database.db);
    try {
      await expect(worker.run({ instanceId: instance.id, task: 'pull' })).rejects.toBeInstanceOf(HubBackendUnavailableError);
    } finally {
      await sql`ALTER TABLE inbox_away RENAME TO inbox`.execute(test.database.db);
    }
    expect(await cursor()).toBe(2);

    await worker.run({ instanceId: instance.id, task: 'pull' });
    expect(await cursor()).toBe(4);
    expect(await inboxKeys()).toEqual(['record-1', 'record-2', 'record-3', 'record-4']);
  });

  it('lets a passing failure reach BullMQ as it is (retried with backoff), without stopping the task', async () => {
    await worker.schedule();
    behaviour = 'unreachable';
    await expect(worker.run({ instanceId: instance.id, task: 'pull' })).rejects.toBeInstanceOf(HttpUnavailableError);
    expect((await statuses.stopped()).size).toBe(0);
    expect((await queues.tasks.getJobSchedulers()).map((s) => s.key)).toEqual(['task-pulled-pull']);
    expect(await cursor()).toBe(4);
  });

  it('stops a task the source refused: no retry, the reason kept for the admin API, the scheduler removed', async () => {
    expect((await queues.tasks.getJobSchedulers()).map((s) => s.key)).toEqual(['task-pulled-pull']);
    behaviour = 'refused';
    await expect(worker.run({ instanceId: instance.id, task: 'pull' })).rejects.toBeInstanceOf(UnrecoverableError);
    const stopped = await statuses.stopped();
    expect(stopped.get(instance.id)).toEqual([{ task: 'pull', reason: 'the source refused the API key (401): check apiKey', since: expect.any(String) }]);
    expect(await queues.tasks.getJobSchedulers()).toEqual([]);
    expect(await cursor()).toBe(4);

    behaviour = 'pull'; // fixed and restarted: a run that succeeds clears the stop
    await worker.run({ instanceId: instance.id, task: 'pull' });
    expect((await statuses.stopped()).size).toBe(0);
  });
});
