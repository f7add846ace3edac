import { Injectable } from '@nestjs/common';
import { validateStatements } from '../connector-sdk/keyed-statements';
import { DeliveryOutbox } from '../delivery/delivery-outbox';
import { IdentityResolver, type ReleasedStatement } from '../identity/identity-resolver.service';
import { HubLogger } from '../observability/hub-logger';
import { ConnectorInstances, Destinations } from '../runtime-settings';
import type { NormalizedEventRecord } from '../store/outbox.repository';
import { destinationVersions } from './destination-versions';

/**
 * Sends on the statements held for people the directory now knows (an admin added or merged
 * them, or a connector's hint taught it): re-resolved, validated as normalize validates, into
 * the outbox — and only after that commit released from the hold, so a crash in between
 * sends them again (same ids: a no-op at the LRS) rather than losing them.
 */
@Injectable()
export class HeldStatementRelease {
  constructor(
    private readonly instances: ConnectorInstances,
    private readonly destinations: Destinations,
    private readonly resolver: IdentityResolver,
    private readonly outbox: DeliveryOutbox,
    private readonly logger: HubLogger,
  ) {}

  /**
   * Releases what waits for these people; how many statements went to the outbox. Never
   * throws: the directory change that called it has happened, and statements that could not be
   * released stay held and listed, for the next change to the person to release.
   */
  async release(personIds: readonly string[]): Promise<number> {
    let count = 0;
    for (const personId of new Set(personIds)) {
      try {
        count += await this.releaseOne(personId);
      } catch (error) {
        this.logger.pino.error({ err: error, personId }, 'held statements not released; they stay held (GET /admin/api/unresolved-identities) until the person changes again');
      }
    }
    return count;
  }

  private async releaseOne(personId: string): Promise<number> {
    const released = await this.resolver.releaseHeld(personId);
    if (released.length === 0) return 0;
    const records: NormalizedEventRecord[] = [];
    const heldIds: number[] = [];
    for (const [, group] of groupByEvent(released)) {
      const { eventId, instanceId } = group[0];
      const instance = this.instances.get(instanceId);
      if (!eventId || !instance) {
        // Nowhere to send them (the instance left the config): they stay held, and listed.
        this.logger.pino.warn({ personId, instanceId, statements: group.length }, 'held statements not released: their instance is not configured');
        continue;
      }
      const checked = validateStatements(
        group.map((item) => item.statement),
        destinationVersions(this.destinations.all, instance.destinations),
      );
      records.push({
        eventId,
        instanceId,
        destinations: instance.destinations,
        statements: checked.valid,
        quarantined: checked.invalid.map(({ statement, reasons }) => ({ statement, issues: reasons })),
      });
      heldIds.push(...group.map((item) => item.heldId));
    }
    if (records.length === 0) return 0;
    await this.outbox.recordReleased(records);
    await this.resolver.markReleased(heldIds);
    const count = records.reduce((sum, record) => sum + record.statements.length, 0);
    this.logger.pino.info({ personId, statements: count, events: records.length }, 'held statements released');
    return count;
  }
}

function groupByEvent(released: readonly ReleasedStatement[]): Map<string, ReleasedStatement[]> {
  const groups = new Map<string, ReleasedStatement[]>();
  for (const item of released) {
    const key = `${item.instanceId}\u0000${item.eventId ?? ''}`;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}
