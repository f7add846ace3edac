import { type FakeApi, startFake } from './fake-api';

/** A watch channel the fake opened (events.watch), as Google describes it. */
export interface FakeGoogleChannel {
  id: string;
  resourceId: string;
  token?: string;
  address: string;
  expiration: string;
}

export interface FakeGoogleCalendar extends FakeApi {
  /** Puts an event in the calendar (or replaces the one with its id): a change the next incremental list returns. */
  put(event: Record<string, unknown> & { id: string }): void;
  /** Every sync token given out so far stops working: the next list with one answers 410 Gone. */
  expireSyncTokens(): void;
  channels: FakeGoogleChannel[];
}

/**
 * Google OAuth 2.0 token endpoint + Calendar API v3, the calls the google-calendar connector
 * makes: `POST /token` (refresh token → access token), `GET /calendar/v3/calendars/{id}/events`
 * (a full list without `syncToken`, only what changed since with one, 410 for an expired one;
 * every answer carries a `nextSyncToken`), `POST …/events/watch` and `POST /calendar/v3/channels/stop`.
 * The API base is `url + '/calendar/v3'`, the token URL `url + '/token'`.
 */
export async function startFakeGoogleCalendar(options: { calendarId: string; clientId: string; clientSecret: string; refreshToken: string }): Promise<FakeGoogleCalendar> {
  const accessToken = 'ya29.fake-google-access-token';
  /** Each event with the version (change counter) it was last put at; a sync token names a version. */
  const events = new Map<string, { version: number; event: Record<string, unknown> }>();
  const tokens = new Map<string, number>();
  const channels: FakeGoogleChannel[] = [];
  let version = 0;
  const googleError = (status: number, reason: string, message: string) => ({ status, body: { error: { code: status, message, errors: [{ domain: 'global', reason, message }] } } });
  const calendarPath = `/calendar/v3/calendars/${encodeURIComponent(options.calendarId)}`;

  const api = await startFake(({ method, path, query, body, authorization }) => {
    if (method === 'POST' && path === '/token') {
      const form = new URLSearchParams(body);
      if (form.get('client_id') !== options.clientId || form.get('client_secret') !== options.clientSecret || form.get('refresh_token') !== options.refreshToken) {
        return { status: 400, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } };
      }
      return { status: 200, body: { access_token: accessToken, expires_in: 3599, scope: 'https://www.googleapis.com/auth/calendar.readonly', token_type: 'Bearer' } };
    }
    if (authorization !== `Bearer ${accessToken}`) return googleError(401, 'authError', 'Invalid Credentials');
    // Node's URL keeps the %40 of an e-mail calendar id as sent.
    if (method === 'GET' && path === `${calendarPath}/events`) {
      let since = 0;
      if (query.syncToken !== undefined) {
        if (query.timeMin !== undefined) return googleError(400, 'invalid', 'syncToken cannot be combined with timeMin');
        const known = tokens.get(query.syncToken);
        if (known === undefined) return googleError(410, 'fullSyncRequired', 'Sync token is no longer valid, a full sync is required.');
        since = known;
      }
      const timeMin = query.timeMin ? Date.parse(query.timeMin) : -Infinity;
      const items = [...events.values()]
        .filter((e) => e.version > since)
        .map((e) => e.event)
        .filter((e) => query.syncToken !== undefined || Date.parse((e.end as { dateTime?: string; date?: string })?.dateTime ?? (e.end as { date?: string })?.date ?? '') >= timeMin);
      const nextSyncToken = `sync-${version}-${tokens.size + 1}`;
      tokens.set(nextSyncToken, version);
      return { status: 200, body: { kind: 'calendar#events', summary: options.calendarId, timeZone: 'Europe/Berlin', accessRole: 'reader', items, nextSyncToken } };
    }
    if (method === 'POST' && path === `${calendarPath}/events/watch`) {
      const asked = JSON.parse(body) as { id: string; type: string; address: string; token?: string; params?: { ttl?: string } };
      if (asked.type !== 'web_hook') return googleError(400, 'invalid', 'type must be web_hook');
      const channel: FakeGoogleChannel = {
        id: asked.id,
        resourceId: `fake-resource-${channels.length + 1}`,
        address: asked.address,
        expiration: String(Date.now() + Number(asked.params?.ttl ?? 604_800) * 1000),
        ...(asked.token ? { token: asked.token } : {}),
      };
      channels.push(channel);
      return { status: 200, body: { kind: 'api#channel', id: channel.id, resourceId: channel.resourceId, resourceUri: `https://www.googleapis.com${calendarPath}/events?alt=json`, token: channel.token, expiration: channel.expiration } };
    }
    if (method === 'POST' && path === '/calendar/v3/channels/stop') return { status: 204, body: '', contentType: 'text/plain' };
    return googleError(404, 'notFound', `the fake has no ${method} ${path}`);
  });

  return {
    ...api,
    channels,
    put(event) {
      version += 1;
      events.set(event.id, { version, event });
    },
    expireSyncTokens() {
      tokens.clear();
    },
  };
}
