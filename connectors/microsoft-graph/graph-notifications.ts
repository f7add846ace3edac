import { createHash } from 'node:crypto';
import { matchesAnySecret, type RejectedItem, type SourceEvent, type SplitResult } from '../../src/connector-sdk';

/** One item of a Graph `changeNotificationCollection` (change or lifecycle), as Graph posts it. */
export interface GraphNotificationItem {
  id?: string;
  subscriptionId?: string;
  subscriptionExpirationDateTime?: string;
  clientState?: string;
  changeType?: 'created' | 'updated' | 'deleted';
  lifecycleEvent?: 'reauthorizationRequired' | 'subscriptionRemoved' | 'missed';
  resource?: string;
  tenantId?: string;
  resourceData?: { '@odata.type'?: string; '@odata.id'?: string; '@odata.etag'?: string; id?: string };
}

/** What the inbox keeps of a change notification: never the clientState (a secret). */
export interface ChangeBody {
  kind: 'change';
  subscriptionId: string;
  changeType: string;
  resource: string;
  eventId?: string;
  etag?: string;
}

export interface LifecycleBody {
  kind: 'lifecycle';
  subscriptionId: string;
  lifecycleEvent: string;
  subscriptionExpirationDateTime?: string;
}

export type GraphBody = ChangeBody | LifecycleBody;

/** Whether any item of the collection carries one of the instance's clientState secrets. */
export function anyItemVerified(items: readonly GraphNotificationItem[], secrets: readonly string[]): boolean {
  return items.some((item) => matchesAnySecret(item.clientState, secrets));
}

/**
 * A collection → one event per verified item. Keys: a change is subscription + resource +
 * change type + the version Graph sent (`@odata.etag`, the event's changeKey), so Graph's
 * retry of one notification is a duplicate while a new edit of the same event is new; without
 * an etag (deletions), the item's id or a digest of the item stands in. A lifecycle item is
 * keyed by its subscription, kind and the expiry it speaks of. An item whose clientState
 * matches no secret is rejected; the others go on.
 */
export function splitNotifications(items: readonly GraphNotificationItem[], secrets: readonly string[]): SplitResult {
  const events: SourceEvent[] = [];
  const rejected: RejectedItem[] = [];
  items.forEach((item, index) => {
    const at = `value[${index}]`;
    if (!matchesAnySecret(item.clientState, secrets)) return rejected.push({ at, reason: 'clientState matches none of the instance secrets' });
    if (!item.subscriptionId) return rejected.push({ at, reason: 'no subscriptionId' });
    if (item.lifecycleEvent) {
      const body: LifecycleBody = { kind: 'lifecycle', subscriptionId: item.subscriptionId, lifecycleEvent: item.lifecycleEvent };
      if (item.subscriptionExpirationDateTime) body.subscriptionExpirationDateTime = item.subscriptionExpirationDateTime;
      return events.push({ key: `lifecycle:${item.subscriptionId}:${item.lifecycleEvent}:${item.subscriptionExpirationDateTime ?? ''}`, body });
    }
    if (!item.changeType || !item.resource) return rejected.push({ at, reason: 'neither a change (changeType, resource) nor a lifecycle notification' });
    const etag = item.resourceData?.['@odata.etag'];
    const version = etag ?? item.id ?? digest(item);
    const body: ChangeBody = { kind: 'change', subscriptionId: item.subscriptionId, changeType: item.changeType, resource: item.resource };
    const eventId = item.resourceData?.id ?? /\/events\/([^/]+)$/i.exec(item.resource)?.[1];
    if (eventId) body.eventId = eventId;
    if (etag) body.etag = etag;
    return events.push({ key: `change:${item.subscriptionId}:${item.resource}:${item.changeType}:${version}`, body });
  });
  return { events, rejected };
}

function digest(item: GraphNotificationItem): string {
  return createHash('sha256').update(JSON.stringify({ ...item, clientState: undefined })).digest('hex').slice(0, 32);
}
