import { Inject, Injectable, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { RetentionConfig } from '../../config/hub-config.schema';
import { HubLogger } from '../../observability/hub-logger';
import type { HubDatabase } from '../../store/database';
import { HUB_DATABASE } from '../../store/hub-database.token';
import { acquireLease } from './job-lease';
import { retentionCutoff, type RetentionSource } from './retention-source';

export const RETENTION_SOURCES = Symbol('RETENTION_SOURCES');
export const RETENTION_CONFIG = Symbol('RETENTION_CONFIG');

/** How often the worker role tries the job; the lease makes one process run it per round. */
export const RETENTION_INTERVAL_MS = 60 * 60 * 1000;
const LEASE_NAME = 'retention';

/**
 * Enforces `retention` (inboxDays, deadLetterDays, statementDays): a timer in each worker
 * process, and a database lease so only one of them runs a round. A timer rather than a
 * BullMQ job scheduler: the rows live in the database, the lease does too, and a Redis
 * outage then delays nothing. Nothing configured = the timer never starts.
 */
@Injectable()
export class RetentionJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private timer?: NodeJS.Timeout;
  private readonly holder = randomUUID();

  constructor(
    @Inject(HUB_DATABASE) private readonly database: HubDatabase,
    @Inject(RETENTION_SOURCES) private readonly sources: RetentionSource[],
    @Inject(RETENTION_CONFIG) private readonly config: RetentionConfig,
    private readonly logger: HubLogger,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.sources.some((s) => this.config[s.setting] !== undefined)) return;
    const tick = () => void this.runIfLeased(new Date()).catch((error) => this.logger.pino.warn({ err: error }, 'retention round failed; next round retries'));
    this.timer = setInterval(tick, RETENTION_INTERVAL_MS);
    this.timer.unref();
    setImmediate(tick);
  }

  onApplicationShutdown(): void {
    clearInterval(this.timer);
  }

  /** One round, if this process holds the lease; undefined when another process does. */
  async runIfLeased(now: Date): Promise<Record<string, number> | undefined> {
    if (!(await acquireLease(this.database, LEASE_NAME, this.holder, now, RETENTION_INTERVAL_MS / 2))) return undefined;
    return this.run(now);
  }

  /** Deletes, per source, what is older than its limit; answers rows removed per kind. */
  async run(now: Date): Promise<Record<string, number>> {
    const removed: Record<string, number> = {};
    for (const source of this.sources) {
      const days = this.config[source.setting];
      if (days === undefined) continue;
      removed[source.kind] = await source.purgeOlderThan(retentionCutoff(now, days));
    }
    this.logger.pino.info({ removed }, 'retention round');
    return removed;
  }
}
