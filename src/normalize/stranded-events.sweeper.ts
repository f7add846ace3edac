import { Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { HubLogger } from '../observability/hub-logger';
import { HubQueues } from '../queues/hub-queues';
import { InboxRepository } from '../store/inbox.repository';

const SWEEP_EVERY_MS = 30_000;
/** Younger rows may still be on their way to the queue inside an intake request. */
const STRANDED_AFTER_MS = 60_000;
const BATCH = 500;

/**
 * Queues inbox events that were written while Redis was down and never queued (intake
 * answered 503, marked them `received`, and the source did not retry). They are already
 * durable; this makes sure they are also processed. Job ids dedupe against an intake that
 * queues the same event. (If the database was down too when the queue refused, the row
 * stays `queued`: the 503 asked the source to retry, and its retry queues it.)
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
    private readonly inbox: InboxRepository,
    private readonly queues: HubQueues,
    private readonly logger: HubLogger,
  ) {}

  onApplicationBootstrap(): void {
    void this.sweep(new Date());
    this.timer = setInterval(() => void this.sweep(new Date()), SWEEP_EVERY_MS);
    this.timer.unref();
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  async sweep(now: Date): Promise<number> {
    try {
      const stranded = await this.inbox.stranded(new Date(now.getTime() - STRANDED_AFTER_MS), BATCH);
      for (const event of stranded) {
        await this.queues.enqueueNormalize({ eventId: event.event_id, instanceId: event.instance_id });
        await this.inbox.moveStatus(event.event_id, 'received', 'queued');
      }
      if (stranded.length > 0) this.logger.pino.info({ count: stranded.length }, 'queued events stranded by a Redis outage');
      const due = await this.inbox.waitingDue(now, BATCH);
      for (const event of due) {
        await this.queues.enqueueNormalizeAt({ eventId: event.event_id, instanceId: event.instance_id }, new Date(event.due_at ?? now), now);
      }
      if (due.length > 0) this.logger.pino.info({ count: due.length }, 'queued waiting events whose time has come');
      return stranded.length + due.length;
    } catch (error) {
      // Redis or the database still away: the next sweep tries again.
      this.logger.pino.warn({ err: error }, 'could not sweep stranded inbox events');
      return 0;
    }
  }
}
