import { type ConnectorContext, defineConnector, ignored, jsonBody, type MappingOutcome, RequestRejectedError, type StoredEvent } from '../../src/connector-sdk';
import { dueRechecks, isRecheckBody, sessionOutcome, sessionOutcomeFromSource } from '../../src/connector-sdk/calendar';
import { MicrosoftGraphConfig } from './config';
import { anyItemVerified, type GraphBody, type GraphNotificationItem, type LifecycleBody, splitNotifications } from './graph-notifications';
import { occurrencesInWindow, occurrencesOfChange } from './graph-occurrences';
import { createSubscription, ensureSubscriptions, renewSubscription, subscriptionById } from './graph-subscriptions';

const PLATFORM = 'Microsoft 365';
type Context = ConnectorContext<MicrosoftGraphConfig>;

/**
 * Microsoft 365 calendars through Graph change notifications: the hub subscribes to each
 * configured mailbox's events, fetches the changed event when notified, and reports
 * `attended` for coaching sessions after they end.
 */
export const connector = defineConnector<MicrosoftGraphConfig>({
  id: 'microsoft-graph',
  name: 'Microsoft 365 calendar (Graph)',
  description: 'Coaching and mentoring sessions from Outlook calendars: Graph change notifications, attended after each occurrence ends.',
  configSchema: MicrosoftGraphConfig,

  /** Graph validates a notification URL by POSTing `?validationToken=…` and wants it back as text within 10 s. */
  handshake(request) {
    const token = request.query.validationToken;
    return token === undefined ? undefined : { status: 200, body: token, contentType: 'text/plain' };
  },

  verify(request, { secrets }) {
    if (secrets.length === 0) return { ok: false, reason: 'this instance has no secret to compare clientState with' };
    const items = itemsOf(request.rawBody);
    if (!items) return { ok: false, reason: 'the body is not a Graph notification collection ({"value": [...]})' };
    return anyItemVerified(items, secrets) ? { ok: true } : { ok: false, reason: 'no notification carries a clientState matching the instance secrets' };
  },

  split(request, { secrets }) {
    const body = jsonBody(request) as { value?: unknown };
    if (!Array.isArray(body?.value)) throw new RequestRejectedError(400, 'a Graph notification collection has a "value" array');
    return splitNotifications(body.value as GraphNotificationItem[], secrets);
  },

  async map(event, context) {
    if (isRecheckBody(event.body)) return sessionOutcome(event.body.recheck.occurrences, event.key, context, PLATFORM, event.body.recheck.of);
    const body = event.body as GraphBody;
    if (body.kind === 'lifecycle') return lifecycle(event, body, context);
    return sessionOutcomeFromSource(event.key, context, PLATFORM, () => occurrencesOfChange(body, context));
  },

  tasks: {
    /** Creates, renews and recreates the mailboxes' subscriptions before they expire. */
    subscriptions: {
      everyMs: (config) => config.renewCheckMinutes * 60_000,
      run: async (context) => ensureSubscriptions(context),
    },
    rechecks: { everyMs: () => 60_000, run: dueRechecks },
  },
});

async function lifecycle(event: StoredEvent, body: LifecycleBody, context: Context): Promise<MappingOutcome> {
  const record = await subscriptionById(body.subscriptionId, context);
  if (!record) return ignored(`subscription ${body.subscriptionId} is not one this instance keeps`);
  // `missed`: Graph dropped notifications, so every occurrence of the mailbox in the window is read again.
  if (body.lifecycleEvent === 'missed') return sessionOutcomeFromSource(event.key, context, PLATFORM, () => occurrencesInWindow(record.userId, context));
  if (body.lifecycleEvent === 'reauthorizationRequired') {
    const renewed = await renewSubscription(record, context);
    return ignored(`reauthorizationRequired: subscription ${renewed.id} renewed until ${renewed.expiresAt}`);
  }
  if (body.lifecycleEvent === 'subscriptionRemoved') {
    const created = await createSubscription(record.userId, context);
    return ignored(`subscriptionRemoved: subscription ${created.id} created for ${record.userId} until ${created.expiresAt}`);
  }
  return ignored(`lifecycle event ${body.lifecycleEvent} needs nothing from the hub`);
}

function itemsOf(raw: Buffer): GraphNotificationItem[] | undefined {
  try {
    const body = JSON.parse(raw.toString('utf8')) as { value?: unknown };
    return Array.isArray(body?.value) ? (body.value as GraphNotificationItem[]) : undefined;
  } catch {
    return undefined;
  }
}
