import { type FakeApi, startFake } from './fake-api';

/** A subscription the fake was asked to create, as Graph keeps it. */
export interface FakeGraphSubscription {
  id: string;
  resource: string;
  changeType: string;
  notificationUrl: string;
  lifecycleNotificationUrl?: string;
  clientState?: string;
  expirationDateTime: string;
}

export interface FakeGraph extends FakeApi {
  /** Events by id, as `GET /users/{user}/events/{id}` answers them; tests add and change them. */
  events: Map<string, Record<string, unknown>>;
  subscriptions: FakeGraphSubscription[];
}

/**
 * Microsoft identity platform + Graph v1.0, the calls the microsoft-graph connector makes:
 * `POST /{tenant}/oauth2/v2.0/token` (client credentials → app token), `POST /v1.0/subscriptions`
 * (201 with an id), `PATCH /v1.0/subscriptions/{id}`, `GET /v1.0/users/{user}/events/{id}` and
 * `…/events/{id}/instances` (`instances` of a series master event) and `/users/{user}/calendarView`,
 * all with the app token. Paths
 * are case-insensitive, as Graph's are (notifications name `Users/…/Events/…`). The login base is
 * `url`, the Graph base `url + '/v1.0'`.
 */
export async function startFakeGraph(options: { tenantId: string; clientId: string; clientSecret: string }): Promise<FakeGraph> {
  const token = 'fake-graph-app-token';
  const events = new Map<string, Record<string, unknown>>();
  const subscriptions: FakeGraphSubscription[] = [];
  const graphError = (status: number, code: string, message: string) => ({ status, body: { error: { code, message } } });
  const api = await startFake(({ method, path, query, body, authorization }) => {
    if (method === 'POST' && path === `/${options.tenantId}/oauth2/v2.0/token`) {
      const form = new URLSearchParams(body);
      if (form.get('client_id') !== options.clientId || form.get('client_secret') !== options.clientSecret) {
        return { status: 401, body: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' } };
      }
      if (form.get('grant_type') !== 'client_credentials' || form.get('scope') !== 'https://graph.microsoft.com/.default') {
        return { status: 400, body: { error: 'invalid_request', error_description: 'AADSTS900144: client_credentials with the .default scope expected.' } };
      }
      return { status: 200, body: { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: token } };
    }
    if (authorization !== `Bearer ${token}`) return graphError(401, 'InvalidAuthenticationToken', 'Access token is empty or invalid.');
    const lower = path.toLowerCase();
    if (method === 'POST' && lower === '/v1.0/subscriptions') {
      const asked = JSON.parse(body) as Omit<FakeGraphSubscription, 'id'>;
      const subscription = { ...asked, id: `sub-${subscriptions.length + 1}-7f105c7d-2dc5-4530` };
      subscriptions.push(subscription);
      return { status: 201, body: { '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#subscriptions/$entity', ...subscription } };
    }
    const renewed = /^\/v1\.0\/subscriptions\/([^/]+)$/.exec(lower);
    if (method === 'PATCH' && renewed) {
      const subscription = subscriptions.find((s) => s.id.toLowerCase() === renewed[1]);
      if (!subscription) return graphError(404, 'ResourceNotFound', 'The object was not found.');
      subscription.expirationDateTime = (JSON.parse(body) as { expirationDateTime: string }).expirationDateTime;
      return { status: 200, body: subscription };
    }
    const eventPath = /^\/v1\.0\/users\/[^/]+\/events\/([^/]+)(\/instances)?$/.exec(path.replace(/\/users\//i, '/users/').replace(/\/events\//i, '/events/'));
    if (method === 'GET' && eventPath) {
      const event = events.get(decodeURIComponent(eventPath[1]));
      if (!event) return graphError(404, 'ErrorItemNotFound', 'The specified object was not found in the store.');
      if (eventPath[2]) return { status: 200, body: { value: (event.instances as unknown[] | undefined) ?? [] } };
      const { instances: _instances, ...rest } = event;
      return { status: 200, body: rest };
    }
    const calendarView = /^\/v1\.0\/users\/[^/]+\/calendarview$/.exec(lower);
    if (method === 'GET' && calendarView) return calendarViewPage(query, `${api.url}${path}`);
    return graphError(400, 'BadRequest', `the fake has no ${method} ${path}`);
  });
  /**
   * `calendarView`: single events and series instances overlapping the window, two a page (Graph
   * pages as it likes, `$top` is a maximum), the next page as an absolute `@odata.nextLink`.
   */
  function calendarViewPage(query: Record<string, string>, self: string) {
    const from = Date.parse(query.startDateTime);
    const to = Date.parse(query.endDateTime);
    const utc = (t: unknown) => Date.parse(`${(t as { dateTime: string }).dateTime.slice(0, 19)}Z`);
    const all = [...events.values()]
      .flatMap((e) => (e.type === 'seriesMaster' ? ((e.instances as Record<string, unknown>[] | undefined) ?? []) : [e]))
      .filter((e) => utc(e.start) < to && utc(e.end) > from);
    const skip = Number(query.$skip ?? 0);
    const size = Math.min(2, Number(query.$top ?? 10));
    const next = new URLSearchParams({ ...query, $skip: String(skip + size) });
    return { status: 200, body: { value: all.slice(skip, skip + size), ...(skip + size < all.length ? { '@odata.nextLink': `${self}?${next}` } : {}) } };
  }

  return { ...api, events, subscriptions };
}
