import { type ConnectorContext, MappingError } from '../../src/connector-sdk';
import type { GoogleCalendarConfig } from './config';
import { calendarPath, googleCall } from './google-api';

type Context = ConnectorContext<GoogleCalendarConfig>;

/** The push channel kept for the calendar (state `google:channel`). */
export interface ChannelRecord {
  id: string;
  resourceId: string;
  expiresAt: string;
}

const CHANNEL = 'google:channel';

/**
 * The `channel` task: a watch on the calendar's events that never lapses. Channels cannot be
 * renewed, so a new one is opened (events.watch) when none exists or the current one expires
 * within `renewBeforeMinutes`, and the old one is stopped after (channels.stop), so no
 * notification falls between them.
 */
export async function ensureChannel(context: Context): Promise<ChannelRecord> {
  const current = await context.state.get<ChannelRecord>(CHANNEL);
  const renewBy = context.now.getTime() + context.config.renewBeforeMinutes * 60_000;
  if (current && Date.parse(current.expiresAt) > renewBy) return current;
  const opened = await openChannel(context);
  await context.state.set(CHANNEL, opened);
  if (current) await stopChannel(current, context);
  return opened;
}

async function openChannel(context: Context): Promise<ChannelRecord> {
  const token = context.secrets[0];
  if (!token) throw new MappingError('the instance has no secret: Google channels need one as their token');
  // Unique per instance and moment, within Google's 64 characters of [A-Za-z0-9-_+/=].
  const id = `hub-${context.instanceId}-${context.now.getTime()}`.replace(/[^A-Za-z0-9\-_+/=]/g, '-').slice(-64);
  const answer = await googleCall<{ id?: string; resourceId?: string; expiration?: string; error?: { message?: string } }>(context, {
    method: 'POST',
    path: calendarPath(context, 'events/watch'),
    data: { id, type: 'web_hook', address: context.config.channelAddress, token, params: { ttl: String(context.config.channelTtlSeconds) } },
  });
  if (answer.status !== 200 || !answer.data?.resourceId) {
    throw new MappingError(`events.watch failed (${answer.status}): ${answer.data?.error?.message ?? 'no reason given'}; is the hook's domain verified for the Google Cloud project?`);
  }
  const expiresAt = new Date(Number(answer.data.expiration ?? context.now.getTime() + context.config.channelTtlSeconds * 1000)).toISOString();
  context.log('info', 'Google channel opened', { channelId: id, expiresAt });
  return { id, resourceId: answer.data.resourceId, expiresAt };
}

async function stopChannel(channel: ChannelRecord, context: Context): Promise<void> {
  const answer = await googleCall(context, { method: 'POST', path: 'channels/stop', data: { id: channel.id, resourceId: channel.resourceId } });
  // 404: already gone (expired) — nothing to stop.
  if (answer.status !== 204 && answer.status !== 200 && answer.status !== 404) context.log('warn', 'stopping the old Google channel failed', { channelId: channel.id, status: answer.status });
}
