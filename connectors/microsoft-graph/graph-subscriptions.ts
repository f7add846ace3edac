import { type ConnectorContext, MappingError } from '../../src/connector-sdk';
import type { MicrosoftGraphConfig } from './config';
import { graphCall } from './graph-api';

type Context = ConnectorContext<MicrosoftGraphConfig>;

/** The subscription kept for one mailbox (state `graph:subscription:<user id>`). */
export interface SubscriptionRecord {
  id: string;
  userId: string;
  expiresAt: string;
}

const recordKey = (userId: string) => `graph:subscription:${userId}`;

/**
 * The `subscriptions` task: every configured mailbox has a live subscription on its events —
 * created when missing, renewed when it expires within `renewBeforeMinutes`, recreated when
 * Graph no longer knows it.
 */
export async function ensureSubscriptions(context: Context): Promise<void> {
  const renewBy = context.now.getTime() + context.config.renewBeforeMinutes * 60_000;
  for (const userId of context.config.userIds) {
    const record = await context.state.get<SubscriptionRecord>(recordKey(userId));
    if (!record) await createSubscription(userId, context);
    else if (Date.parse(record.expiresAt) <= renewBy) await renewSubscription(record, context);
  }
}

/** The record of a subscription this instance keeps, by its id (lifecycle notifications name only the id). */
export async function subscriptionById(subscriptionId: string, context: Context): Promise<SubscriptionRecord | undefined> {
  for (const userId of context.config.userIds) {
    const record = await context.state.get<SubscriptionRecord>(recordKey(userId));
    if (record?.id === subscriptionId) return record;
  }
  return undefined;
}

/** PATCH with a new expiry (also what `reauthorizationRequired` asks for); a 404 means it is gone: create anew. */
export async function renewSubscription(record: SubscriptionRecord, context: Context): Promise<SubscriptionRecord> {
  const answer = await graphCall<{ id?: string; expirationDateTime?: string; error?: { message?: string } }>(context, {
    method: 'PATCH',
    path: `subscriptions/${encodeURIComponent(record.id)}`,
    data: { expirationDateTime: expiryFrom(context) },
  });
  if (answer.status === 404) return createSubscription(record.userId, context);
  if (answer.status !== 200) throw new MappingError(`renewing subscription ${record.id} failed (${answer.status}): ${answer.data?.error?.message ?? 'no reason given'}`);
  const renewed = { ...record, expiresAt: answer.data.expirationDateTime ?? expiryFrom(context) };
  await context.state.set(recordKey(record.userId), renewed);
  context.log('info', 'Graph subscription renewed', { subscriptionId: record.id, expiresAt: renewed.expiresAt });
  return renewed;
}

/**
 * POST /subscriptions on the mailbox's events, created, updated and deleted, with the hook as
 * notification and lifecycle URL and the instance's newest secret as clientState. Graph
 * validates the URL first (the handshake) and answers 201.
 */
export async function createSubscription(userId: string, context: Context): Promise<SubscriptionRecord> {
  const clientState = context.secrets[0];
  if (!clientState) throw new MappingError('the instance has no secret: Graph subscriptions need one as clientState');
  const answer = await graphCall<{ id?: string; expirationDateTime?: string; error?: { message?: string } }>(context, {
    method: 'POST',
    path: 'subscriptions',
    data: {
      changeType: 'created,updated,deleted',
      notificationUrl: context.config.notificationUrl,
      lifecycleNotificationUrl: context.config.notificationUrl,
      resource: `/users/${userId}/events`,
      expirationDateTime: expiryFrom(context),
      clientState,
    },
  });
  if (answer.status !== 201 || !answer.data?.id) {
    throw new MappingError(`creating the subscription for ${userId} failed (${answer.status}): ${answer.data?.error?.message ?? 'no reason given'}`);
  }
  const record: SubscriptionRecord = { id: answer.data.id, userId, expiresAt: answer.data.expirationDateTime ?? expiryFrom(context) };
  await context.state.set(recordKey(userId), record);
  context.log('info', 'Graph subscription created', { subscriptionId: record.id, userId, expiresAt: record.expiresAt });
  return record;
}

function expiryFrom(context: Context): string {
  return new Date(context.now.getTime() + context.config.subscriptionMinutes * 60_000).toISOString();
}
