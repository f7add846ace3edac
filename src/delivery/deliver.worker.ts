import { randomUUID } from 'node:crypto';
import { type BeforeApplicationShutdown, Injectable, type OnApplicationBootstrap } from '@nestjs/common';
import type { Worker } from 'bullmq';
import { deliverySettings } from '../config/destination-settings';
import { StatementsService } from '../lrs/statements/statements.service';
import { pseudonymiserFor } from '../identity/pseudonymise';
import { HubLogger } from '../observability/hub-logger';
import { HubMetrics } from '../observability/hub-metrics';
import { HubQueues } from '../queues/hub-queues';
import { type DeliverJob, deliverQueueName } from '../queues/queue-catalogue';
import { startWorker } from '../queues/worker-host';
import { DatabaseSettings, DeliveryTimings, Destinations, QueueSettings } from '../runtime-settings';
import { type DestinationState, DestinationStateRepository } from '../store/destination-state.repository';
import { OutboxRepository } from '../store/outbox.repository';
import { BuiltinDestination } from './builtin.destination';
import { DestinationPump } from './destination-pump';
import type { Destination } from './destination';
import { withPseudonyms } from './pseudonymised.destination';
import { XapiDestination } from './xapi.destination';

const GAUGES_EVERY_MS = 5_000;

/**
 * One pump per destination in this process, woken by that destination's signal queue.
 * On shutdown (SIGTERM/SIGINT) it stops claiming, lets the batches in flight finish, and logs it.
 */
@Injectable()
export class DeliverWorkers implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly pumps = new Map<string, DestinationPump>();
  private readonly workers: Worker<DeliverJob>[] = [];
  private gaugeTimer?: NodeJS.Timeout;

  constructor(
    private readonly destinations: Destinations,
    private readonly timings: DeliveryTimings,
    private readonly database: DatabaseSettings,
    private readonly queueSettings: QueueSettings,
    private readonly statements: StatementsService,
    private readonly outbox: OutboxRepository,
    private readonly states: DestinationStateRepository,
    private readonly queues: HubQueues,
    private readonly metrics: HubMetrics,
    private readonly logger: HubLogger,
  ) {}

  onApplicationBootstrap(): void {
    const { pollMs } = this.timings;
    // A process-unique claim owner: a restarted process never mistakes an old claim for its own.
    const owner = `${process.pid}-${randomUUID().slice(0, 8)}`;
    const sqlite = !this.database.isPostgres;
    for (const config of this.destinations.all) {
      const destination: Destination = withPseudonyms(
        config.type === 'builtin' ? new BuiltinDestination(config.id, this.statements) : new XapiDestination(config),
        pseudonymiserFor(config.pseudonymise),
      );
      const settings = deliverySettings(config);
      const pump = new DestinationPump(
        destination,
        settings,
        {
          outbox: this.outbox,
          states: this.states,
          metrics: this.metrics,
          logger: this.logger.pino,
          signalAt: (id, dueAt) => this.queues.signalDelivery(id, dueAt),
        },
        owner,
        pollMs,
        // SQLite has one writer: one claimer per destination is all it can use.
        sqlite ? 1 : settings.concurrency,
      );
      this.pumps.set(config.id, pump);
      pump.start();
      this.workers.push(
        startWorker<DeliverJob>(this.queueSettings, this.logger.pino, deliverQueueName(config.id), async () => pump.wake(), { concurrency: 1 }),
      );
    }
    this.gaugeTimer = setInterval(() => void this.refreshGauges(), GAUGES_EVERY_MS);
    this.gaugeTimer.unref();
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    clearInterval(this.gaugeTimer);
    await Promise.all(this.workers.map((worker) => worker.close()));
    const inFlight = await Promise.all([...this.pumps.entries()].map(async ([id, pump]) => ({ id, batches: await pump.stop() })));
    this.logger.pino.info({ signal, inFlight }, 'delivery stopped: no new claims, batches in flight finished');
  }

  /** Backlog, oldest waiting and breaker per destination, for /metrics. */
  async refreshGauges(): Promise<void> {
    try {
      const now = Date.now();
      for (const id of this.pumps.keys()) {
        const [backlog, state] = await Promise.all([this.outbox.backlog(id), this.states.get(id)]);
        this.metrics.deliveryBacklog.set({ destination: id }, backlog.backlog);
        this.metrics.deliveryOldestAge.set({ destination: id }, backlog.oldestWaitingSince ? (now - Date.parse(backlog.oldestWaitingSince)) / 1000 : 0);
        this.metrics.breakerState.set({ destination: id }, breakerGauge(state, now));
      }
    } catch (error) {
      this.logger.pino.warn({ err: error }, 'could not read the delivery backlog for /metrics');
    }
  }
}

/** hub_destination_breaker_open: 0 closed, 1 open, 0.5 half-open (its wait is over: probing), 2 paused. */
function breakerGauge(state: DestinationState, now: number): number {
  if (state.state === 'paused') return 2;
  if (state.breaker === 'closed') return 0;
  return state.open_until !== null && Date.parse(state.open_until) <= now ? 0.5 : 1;
}
