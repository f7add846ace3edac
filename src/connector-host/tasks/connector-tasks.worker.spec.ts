import { randomBytes } from 'node:crypto';
import type { Connector } from '../../connector-sdk/connector';
import { createPinoLogger, HubLogger } from '../../observability/hub-logger';
import { HubQueues } from '../../queues/hub-queues';
import { producerConnection } from '../../queues/redis-connection';
import { ConnectorInstances, QueueSettings } from '../../runtime-settings';
import type { ConnectorContexts } from '../connector-contexts';
import type { ConnectorInstance } from '../connector-instances';
import type { EventAdmission } from '../event-admission';
import { ConnectorTasksWorker } from './connector-tasks.worker';
import type { TaskStatusRepository } from './task-status.repository';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

const feed = { id: 'feed', tasks: { poll: { everyMs: () => 60_000, run: async () => [] } } } as unknown as Connector;
const instance = (id: string): ConnectorInstance => ({ id, connector: feed, config: {}, enabled: true, destinations: [], secrets: [] });

/** Against a real Redis, on a queue prefix of its own. */
describe('ConnectorTasksWorker.schedule', () => {
  const connection = producerConnection(REDIS_URL);
  const queues = new HubQueues(connection, `test-${randomBytes(5).toString('hex')}`, []);
  afterAll(async () => {
    await queues.tasks.obliterate({ force: true });
    await queues.close();
    connection.disconnect();
  });

  const workerFor = (instances: ConnectorInstance[]) =>
    new ConnectorTasksWorker(
      new ConnectorInstances(new Map(instances.map((i) => [i.id, i]))),
      new QueueSettings(REDIS_URL, queues.prefix),
      queues,
      {} as ConnectorContexts,
      {} as EventAdmission,
      new HubLogger(createPinoLogger('silent')),
      {} as TaskStatusRepository,
    );

  it('keeps one job scheduler per instance and task, and removes those no longer configured', async () => {
    // The producer connection fails fast: wait until it is up.
    if (connection.status !== 'ready') await new Promise((resolve) => connection.once('ready', resolve));
    await workerFor([instance('a'), instance('b')]).schedule();
    const ids = async () => (await queues.tasks.getJobSchedulers()).map((s) => s.key).sort();
    expect(await ids()).toEqual(['task-a-poll', 'task-b-poll']);
    expect((await queues.tasks.getJobSchedulers()).map((s) => s.every)).toEqual([60_000, 60_000]);

    await workerFor([instance('b')]).schedule();
    expect(await ids()).toEqual(['task-b-poll']);
  });
});
