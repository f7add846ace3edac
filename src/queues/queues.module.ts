import { Global, Module, type OnApplicationShutdown } from '@nestjs/common';
import { HubLogger } from '../observability/hub-logger';
import { QUEUE_PROBE, type QueueProbe } from '../observability/queue-probe';
import type { JobType } from 'bullmq';
import { HubQueues } from './hub-queues';
import { producerConnection } from './redis-connection';
import { Destinations, QueueSettings } from '../runtime-settings';

/** Producers for every queue, over one fail-fast connection. */
@Global()
@Module({
  providers: [
    {
      provide: HubQueues,
      inject: [QueueSettings, Destinations, HubLogger],
      useFactory: (settings: QueueSettings, destinations: Destinations, logger: HubLogger): HubQueues => {
        const connection = producerConnection(settings.redisUrl);
        // Errors surface on each command (→ 503); without a listener ioredis would print each retry.
        connection.on('error', () => undefined);
        const queues = new HubQueues(connection, settings.prefix, destinations.all.map((d) => d.id));
        for (const queue of queues.all()) {
          queue.on('error', (error) => logger.pino.warn({ err: error, queue: queue.name }, 'queue producer error'));
        }
        return queues;
      },
    },
    {
      provide: QUEUE_PROBE,
      inject: [HubQueues],
      useFactory: (queues: HubQueues): QueueProbe => ({
        // Its own connection: /health must not wait behind the producers' commands.
        ping: () => queues.ping(),
        depths: (states) => Promise.all(queues.all().map(async (queue) => ({ queue: queue.name, counts: await queue.getJobCounts(...(states as JobType[])) }))),
      }),
    },
  ],
  exports: [HubQueues, QUEUE_PROBE],
})
export class QueuesModule implements OnApplicationShutdown {
  constructor(private readonly queues: HubQueues) {}

  async onApplicationShutdown(): Promise<void> {
    await this.queues.close();
    this.queues.connection.disconnect();
  }
}
