import { Injectable, Optional } from '@nestjs/common';
import { HubLogger } from '../observability/hub-logger';
import { HubQueues } from '../queues/hub-queues';
import { type DeadLetterFilter, type NormalizedEventRecord, OutboxRepository } from '../store/outbox.repository';
import { GroupCommit } from '../store/group-commit';

/**
 * The delivery outbox as the rest of the hub uses it: record what normalize made (one
 * transaction), replay dead letters, and signal the destinations' workers. A signal that
 * cannot be sent (Redis away, or a role without queues) loses nothing: workers poll the outbox.
 */
@Injectable()
export class DeliveryOutbox {
  /**
   * Normalize jobs that finish together share one transaction and one signal per destination: a
   * commit and a Redis round trip per group, not per event (all signals but the first of a
   * group were no-ops on the deduplicated deliver job).
   */
  private readonly normalized = new GroupCommit<NormalizedEventRecord>(async (records) => {
    await this.repository.recordManyNormalized(records);
    await this.signal(destinationsWithStatements(records));
  }, 100);

  constructor(
    private readonly repository: OutboxRepository,
    private readonly logger: HubLogger,
    @Optional() private readonly queues?: HubQueues,
  ) {}

  /** The tail of normalize: outbox rows, quarantine rows and the inbox status in one transaction, then a signal. */
  async recordNormalized(record: NormalizedEventRecord): Promise<void> {
    await this.normalized.submit(record);
  }

  /** Held statements released (their learner is now known): outbox rows, the event's status untouched, then a signal. */
  async recordReleased(records: readonly NormalizedEventRecord[]): Promise<void> {
    await this.repository.recordReleased(records);
    await this.signal(destinationsWithStatements(records));
  }

  /** Dead letters back to pending (same statement ids, so the LRS dedupes); how many moved. */
  async replay(selection: { ids: readonly number[] } | DeadLetterFilter): Promise<number> {
    const { count, destinations } = await this.repository.replay(selection);
    await this.signal(destinations);
    if (count > 0) this.logger.pino.info({ count, destinations }, 'dead letters replayed');
    return count;
  }

  async signal(destinations: readonly string[]): Promise<void> {
    for (const destination of destinations) {
      try {
        await this.queues?.signalDelivery(destination);
      } catch (error) {
        this.logger.pino.debug({ err: error, destination }, 'no delivery signal sent; the workers will find the work by polling');
      }
    }
  }
}

/** The destinations that have new outbox rows from these records, each once. */
function destinationsWithStatements(records: readonly NormalizedEventRecord[]): string[] {
  return [...new Set(records.filter((r) => r.statements.length > 0).flatMap((r) => r.destinations))];
}
