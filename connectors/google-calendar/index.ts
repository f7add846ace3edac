import { defineConnector, matchesAnySecret, RequestRejectedError } from '../../src/connector-sdk';
import { dueRechecks, isRecheckBody, sessionOutcome, sessionOutcomeFromSource } from '../../src/connector-sdk/calendar';
import { GoogleCalendarConfig } from './config';
import { ensureChannel } from './google-channel';
import { changedOccurrences } from './google-sync';

const PLATFORM = 'Google Calendar';
/** Clock skew allowed past a channel's expiration. */
const STALE_GRACE_MS = 5 * 60_000;

/** What the inbox keeps of a push notification (Google sends headers only, no body). */
export interface PushBody {
  channelId: string;
  messageNumber: string;
  resourceState: string;
  resourceId?: string;
}

/**
 * Google Calendar through push notifications: the hub keeps a watch channel on the calendar,
 * and each "something changed" message makes it read the changes (incremental events.list)
 * and report `attended` for coaching sessions after they end.
 */
export const connector = defineConnector<GoogleCalendarConfig>({
  id: 'google-calendar',
  name: 'Google Calendar',
  description: 'Coaching and mentoring sessions from a Google calendar: push channel, incremental sync, attended after each occurrence ends.',
  configSchema: GoogleCalendarConfig,

  /** The first message of a new channel (`sync`) only says it works: 200, nothing stored. */
  handshake(request) {
    return request.headers['x-goog-resource-state'] === 'sync' ? { status: 200, body: '' } : undefined;
  },

  verify(request, { secrets, now }) {
    if (secrets.length === 0) return { ok: false, reason: 'this instance has no secret to compare the channel token with' };
    const token = request.headers['x-goog-channel-token'];
    if (!token) return { ok: false, reason: 'missing X-Goog-Channel-Token header' };
    if (!matchesAnySecret(token, secrets)) return { ok: false, reason: 'X-Goog-Channel-Token matches none of the instance secrets' };
    // Google sends nothing on a channel past its expiration: such a message is a replay of an old one.
    const expiration = Date.parse(request.headers['x-goog-channel-expiration'] ?? '');
    if (Number.isFinite(expiration) && expiration + STALE_GRACE_MS < now.getTime()) {
      return { ok: false, reason: `stale: the channel expired at ${new Date(expiration).toISOString()}; replayed, or the hub's clock is wrong` };
    }
    return { ok: true };
  },

  /** One message, one event, keyed by channel and message number (Google's redelivery repeats both). */
  split(request) {
    const channelId = request.headers['x-goog-channel-id'];
    const messageNumber = request.headers['x-goog-message-number'];
    const resourceState = request.headers['x-goog-resource-state'];
    if (!channelId || !messageNumber || !resourceState) {
      throw new RequestRejectedError(400, 'not a Google push notification', ['X-Goog-Channel-ID, X-Goog-Message-Number and X-Goog-Resource-State are required']);
    }
    const body: PushBody = { channelId, messageNumber, resourceState };
    const resourceId = request.headers['x-goog-resource-id'];
    if (resourceId) body.resourceId = resourceId;
    return [{ key: `${channelId}:${messageNumber}`, body }];
  },

  async map(event, context) {
    if (isRecheckBody(event.body)) return sessionOutcome(event.body.recheck.occurrences, event.key, context, PLATFORM, event.body.recheck.of);
    return sessionOutcomeFromSource(event.key, context, PLATFORM, () => changedOccurrences(context));
  },

  tasks: {
    /** Opens a new watch channel before the current one expires, then stops the old one. */
    channel: { everyMs: (config) => config.renewCheckMinutes * 60_000, run: async (context) => void (await ensureChannel(context)) },
    rechecks: { everyMs: () => 60_000, run: dueRechecks },
  },
});
