import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { DeliveryOutbox } from '../delivery/delivery-outbox';
import { HubLogger } from '../observability/hub-logger';
import { HubQueues } from '../queues/hub-queues';
import { DeliveryTimings } from '../runtime-settings';
import { InboxRepository } from '../store/inbox.repository';
import { OutboxRepository } from '../store/outbox.repository';

const BATCH = 500;

/**
 * Finds acknowledged work Redis does not know about, in the database: inbox events written
 * while Redis was down (`received`) or whose job Redis lost with its data (`queued` for longer
 * than `delivery.strandedAfterMs`), and outbox rows that are due. Events are queued again
 * (the job id dedupes against a job that still exists); destinations with due rows are
 * signalled (their workers also poll, so this only shortens the wait).
 *
 * Also re-queues `waiting` events (a connector said "later") whose due time has passed: their
 * delayed job lives in Redis, and a flush or a lost Redis must not lose them. If the job is
 * still there, its id makes the add a no-op. Sweeps once at start-up too, so a hub that was
 * down past a due time catches up at once.
 */
@Injectable()
export class StrandedEventsSweeper implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly settings: DeliveryTimings,
    private readonly inbox: InboxRepository,
    private readonly outbox: OutboxRepository,
    private readonly delivery: DeliveryOutbox,
    private readonly queues: HubQueues,
    private readonly logger: HubLogger,
  ) {}

  onApplicationBootstrap(): void {
    void this.sweep(new Date());
    this.timer = setInterval(() => void this.sweep(new Date()), this.settings.sweepEveryMs);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(now: Date): Promise<number> {
    try {
      const stranded = await this.inbox.stranded(new Date(now.getTime() - this.settings.strandedAfterMs), BATCH);
      for (const event of stranded) {
        await this.queues.enqueueNormalize({ eventId: event.event_id, instanceId: event.instance_id });
        await this.inbox.moveStatus(event.event_id, 'received', 'queued');
      }
      if (stranded.length > 0) this.logger.pino.info({ count: stranded.length }, 'queued inbox events not yet normalized (again)');
      const due = await this.inbox.waitingDue(now, BATCH);
      for (const event of due) {
        await this.queues.enqueueNormalizeAt({ eventId: event.event_id, instanceId: event.instance_id }, new Date(event.due_at ?? now), now);
      }
      if (due.length > 0) this.logger.pino.info({ count: due.length }, 'queued waiting events whose time has come');
      await this.delivery.signal(await this.outbox.destinationsWithDueWork(now));
      return stranded.length + due.length;
    } catch (error) {
      // Redis or the database still away: the next sweep tries again.
      this.logger.pino.warn({ err: error }, 'could not sweep stranded inbox events');
      return 0;
    }
  }
}
