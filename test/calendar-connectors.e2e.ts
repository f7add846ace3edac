import { sessionActivityId } from '../src/connector-sdk/calendar';
import { HubQueues } from '../src/queues/hub-queues';
import { TASK_JOB_OPTIONS } from '../src/queues/queue-catalogue';
import type { HubDatabase } from '../src/store/database';
import { HUB_DATABASE } from '../src/store/hub-database.token';
import { exampleConfigWith } from './support/example-config';
import { ADMIN_TOKEN, admin } from './support/admin-client';
import { type FakeGoogleCalendar, startFakeGoogleCalendar } from './support/fake-google-calendar';
import { type FakeGraph, startFakeGraph } from './support/fake-graph';
import { type FakeIcsFeed, startFakeIcsFeed } from './support/fake-ics-feed';
import { freshDatabase, TEST_ENGINES, type TestDatabase } from './support/test-databases';
import { eventually, startTestHub, type TestHub } from './support/test-hub';
import { getStatements } from './support/xapi-client';

const ACTIVITY_BASE = 'https://learning.acme.example/calendar/sessions';
const SECRETS = {
  GRAPH_CLIENT_STATE: 'graph-client-state-0123456789',
  GRAPH_CLIENT_SECRET: 'graph-app-secret-from-entra',
  GOOGLE_CHANNEL_TOKEN: 'google-channel-token-0123456789',
  GOOGLE_CLIENT_SECRET: 'google-oauth-client-secret',
  GOOGLE_REFRESH_TOKEN: '1//0g-refresh-token-of-zoe',
  ICS_UPLOAD_TOKEN: 'ics-upload-token-0123456789',
};
const TENANT = 'contoso.onmicrosoft.com';
const GRAPH_CLIENT_ID = '6731de76-14a6-49ae-97bc-6eba6914391e';
const MAILBOX = '9f3c0a6e-5a7b-4c1d-8e2f-1a2b3c4d5e6f';
const GOOGLE_CALENDAR = 'zoe@acme.example';
const GOOGLE_CLIENT_ID = '1234567890-hub.apps.googleusercontent.com';

/** Whole seconds: calendars keep no milliseconds. */
const at = (msFromNow: number) => new Date(Math.floor((Date.now() + msFromNow) / 1000) * 1000);
const graphTime = (d: Date) => ({ dateTime: d.toISOString().replace('Z', '0000'), timeZone: 'UTC' });
const icsTime = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
const HOUR = 3_600_000;

const ZOE = { email: 'zoe@acme.example', name: 'Zoë Ökter' };
const ANA = { email: 'ana@acme.example', name: 'Ana Lima' };
const DAN = { email: 'dan@acme.example', name: 'Dan Dahl' };
const BO = { email: 'bo@acme.example', name: 'Bo Berg' };
const ROOM = { email: 'room-401@acme.example', name: 'Room 4.01' };

/** A coaching session exported as iCalendar: Zoë organises, Ana accepted, Bo declined, a room is booked. */
function icsOf(sessions: { uid: string; start: Date; end: Date; title: string }[]): string {
  const lines = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Acme//Calendar export//EN'];
  for (const s of sessions) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${s.uid}`,
      `DTSTAMP:${icsTime(s.start)}`,
      `DTSTART:${icsTime(s.start)}`,
      `DTEND:${icsTime(s.end)}`,
      `SUMMARY:${s.title}`,
      'SEQUENCE:0',
      `ORGANIZER;CN=${ZOE.name}:mailto:${ZOE.email}`,
      `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=ACCEPTED;CN=${ANA.name}:mailto:${ANA.email}`,
      `ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=DECLINED;CN=${BO.name}:mailto:${BO.email}`,
      `ATTENDEE;CUTYPE=ROOM;ROLE=NON-PARTICIPANT;PARTSTAT=ACCEPTED;CN=${ROOM.name}:mailto:${ROOM.email}`,
      'END:VEVENT',
    );
  }
  lines.push('END:VCALENDAR');
  return `${lines.join('\r\n')}\r\n`;
}

/** The same kind of session as Google's events.list item (singleEvents=true). */
function googleEvent(id: string, uid: string, start: Date, end: Date, title: string): Record<string, unknown> & { id: string } {
  return {
    kind: 'calendar#event',
    etag: `"${start.getTime()}"`,
    id,
    status: 'confirmed',
    updated: new Date().toISOString(),
    summary: title,
    organizer: { email: ZOE.email, displayName: ZOE.name, self: true },
    start: { dateTime: start.toISOString(), timeZone: 'UTC' },
    end: { dateTime: end.toISOString(), timeZone: 'UTC' },
    iCalUID: uid,
    sequence: 0,
    attendees: [
      { email: ZOE.email, displayName: ZOE.name, organizer: true, self: true, responseStatus: 'accepted' },
      { email: ANA.email, displayName: ANA.name, responseStatus: 'accepted' },
      { email: BO.email, displayName: BO.name, responseStatus: 'declined' },
      { email: 'c_1888b2d9ab6kqhh2ii8qm1oi5p5oq@resource.calendar.google.com', displayName: ROOM.name, resource: true, responseStatus: 'accepted' },
    ],
    eventType: 'default',
  };
}

/**
 * The calendar connectors against local fakes of Graph, Google Calendar and an ICS feed over
 * real HTTP, in a real hub: notifications and polls in → events fetched from the fakes →
 * `attended` statements in the built-in LRS after each session ends, one activity per session
 * whichever source reported it.
 */
describe('calendar connectors against local fakes', () => {
  let database: TestDatabase;
  let hub: TestHub;
  let graph: FakeGraph;
  let google: FakeGoogleCalendar;
  let feed: FakeIcsFeed;
  let config: string;
  /** Shared by every hub of this suite, so a restarted hub sees the delayed jobs of the one before. */
  const queuePrefix = `test-calendar-${process.pid}-${Date.now()}`;

  /** A session that ended three hours ago, seen by the ICS feed, a posted ICS file and Google alike. */
  const past = { uid: 'coaching-7c1e9a@acme.example', start: at(-3 * HOUR), end: at(-3 * HOUR + 45 * 60_000), title: 'Coaching: quarterly goals' };

  const startHub = () => startTestHub({ databaseUrl: database.url, configYaml: config, env: { ...SECRETS, HUB_ADMIN_TOKEN: ADMIN_TOKEN, QUEUE_PREFIX: queuePrefix } });

  beforeAll(async () => {
    graph = await startFakeGraph({ tenantId: TENANT, clientId: GRAPH_CLIENT_ID, clientSecret: SECRETS.GRAPH_CLIENT_SECRET });
    google = await startFakeGoogleCalendar({ calendarId: GOOGLE_CALENDAR, clientId: GOOGLE_CLIENT_ID, clientSecret: SECRETS.GOOGLE_CLIENT_SECRET, refreshToken: SECRETS.GOOGLE_REFRESH_TOKEN });
    feed = await startFakeIcsFeed(icsOf([past]));
    config = exampleConfigWith(`
  - id: m365
    connector: microsoft-graph
    secrets: ["\${GRAPH_CLIENT_STATE}"]
    config:
      tenantId: ${TENANT}
      clientId: ${GRAPH_CLIENT_ID}
      clientSecret: "\${GRAPH_CLIENT_SECRET}"
      userIds: ["${MAILBOX}"]
      notificationUrl: https://hub.acme.example/hooks/m365
      graphBaseUrl: "${graph.url}/v1.0"
      loginBaseUrl: "${graph.url}"
      activityBase: ${ACTIVITY_BASE}
      sessionKeywords: [coaching]
  - id: google
    connector: google-calendar
    secrets: ["\${GOOGLE_CHANNEL_TOKEN}"]
    config:
      calendarId: ${GOOGLE_CALENDAR}
      clientId: ${GOOGLE_CLIENT_ID}
      clientSecret: "\${GOOGLE_CLIENT_SECRET}"
      refreshToken: "\${GOOGLE_REFRESH_TOKEN}"
      channelAddress: https://hub.acme.example/hooks/google
      apiBaseUrl: "${google.url}/calendar/v3"
      tokenUrl: "${google.url}/token"
      activityBase: ${ACTIVITY_BASE}
      sessionKeywords: [coaching]
  - id: m365-refused
    connector: microsoft-graph
    secrets: ["\${GRAPH_CLIENT_STATE}"]
    config:
      tenantId: ${TENANT}
      clientId: ${GRAPH_CLIENT_ID}
      clientSecret: an-expired-client-secret
      userIds: ["${MAILBOX}"]
      notificationUrl: https://hub.acme.example/hooks/m365-refused
      graphBaseUrl: "${graph.url}/v1.0"
      loginBaseUrl: "${graph.url}"
  - id: google-refused
    connector: google-calendar
    secrets: ["\${GOOGLE_CHANNEL_TOKEN}"]
    config:
      calendarId: ${GOOGLE_CALENDAR}
      clientId: ${GOOGLE_CLIENT_ID}
      clientSecret: "\${GOOGLE_CLIENT_SECRET}"
      refreshToken: a-revoked-refresh-token
      channelAddress: https://hub.acme.example/hooks/google-refused
      apiBaseUrl: "${google.url}/calendar/v3"
      tokenUrl: "${google.url}/token"
  - id: ics-feed
    connector: ics
    config:
      feedUrl: "${feed.feedUrl}"
      pollMinutes: 1
      activityBase: ${ACTIVITY_BASE}
      sessionKeywords: [coaching]
  - id: ics-upload
    connector: ics
    secrets: ["\${ICS_UPLOAD_TOKEN}"]
    config:
      activityBase: ${ACTIVITY_BASE}
      sessionKeywords: [coaching]
`);
    database = await freshDatabase(TEST_ENGINES[0]);
    hub = await startHub();
  });
  afterAll(async () => {
    await hub?.close();
    await database?.drop();
    await graph?.close();
    await google?.close();
    await feed?.close();
  });

  const db = () => hub.app.get<symbol, HubDatabase>(HUB_DATABASE).db;
  const stateOf = async (instance: string, key: string) =>
    (await db().selectFrom('connector_state').select('value').where('instance_id', '=', instance).where('key', '=', key).executeTakeFirst())?.value;
  const inboxOf = async (instance: string) => db().selectFrom('inbox').select(['event_key', 'status']).where('instance_id', '=', instance).execute();
  const attendedIn = async (activityId: string) => (await getStatements(hub.url, { activity: activityId, verb: 'http://adlnet.gov/expapi/verbs/attended' })).statements;
  /** The statements about an activity once there are `count` (and, after a moment, still that many). */
  async function attendedEventually(activityId: string, count: number, what: string) {
    await eventually(async () => ((await attendedIn(activityId)).length >= count ? true : undefined), 15_000, what);
    await new Promise((r) => setTimeout(r, 300));
    return attendedIn(activityId);
  }
  const actorsOf = (statements: Record<string, unknown>[]) => statements.map((s) => (s.actor as { mbox: string }).mbox).sort();
  const instructorsOf = (statements: Record<string, unknown>[]) => [...new Set(statements.map((s) => JSON.stringify((s.context as { instructor?: unknown }).instructor)))];
  const mailto = (...people: { email: string }[]) => people.map((p) => `mailto:${p.email}`).sort();
  const ZOE_AS_INSTRUCTOR = JSON.stringify({ objectType: 'Agent', mbox: `mailto:${ZOE.email}`, name: ZOE.name });

  /** One run of a task through the hub's tasks queue, as its scheduler adds it; waits until it is done. */
  async function runTask(instanceId: string, task: string): Promise<void> {
    const job = await hub.app.get(HubQueues).tasks.add(task, { instanceId, task }, TASK_JOB_OPTIONS);
    await eventually(async () => ((await job.getState()) === 'completed' ? true : undefined), 10_000, `${instanceId} ${task}`);
  }

  describe('microsoft-graph', () => {
    const change = (clientState: string, eventId: string, etag: string, subscriptionId: string) => ({
      subscriptionId,
      subscriptionExpirationDateTime: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      changeType: 'updated',
      resource: `Users/${MAILBOX}/Events/${eventId}`,
      resourceData: { '@odata.type': '#Microsoft.Graph.Event', '@odata.id': `Users/${MAILBOX}/Events/${eventId}`, id: eventId, '@odata.etag': etag },
      clientState,
      tenantId: '84bd8158-6d4d-4958-8b9f-9d6445542f95',
    });
    const postCollection = (items: object[]) =>
      fetch(`${hub.url}/hooks/m365`, { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify({ value: items }) });
    const postNotification = (clientState: string, eventId: string, etag: string, subscriptionId: string) => postCollection([change(clientState, eventId, etag, subscriptionId)]);
    /** The id of the subscription the hub keeps for the mailbox (the subscriptions task makes it at boot). */
    const keptSubscription = async () => (JSON.parse(await eventually(() => stateOf('m365', `graph:subscription:${MAILBOX}`), 15_000, 'the kept subscription')) as { id: string }).id;

    it('the subscriptions task creates the subscription at Graph with the app token, and the hub keeps its id', async () => {
      const kept = await eventually(() => stateOf('m365', `graph:subscription:${MAILBOX}`), 15_000, 'the kept subscription');
      expect(graph.subscriptions).toHaveLength(1);
      const [created] = graph.subscriptions;
      expect(created).toMatchObject({
        resource: `/users/${MAILBOX}/events`,
        changeType: 'created,updated,deleted',
        notificationUrl: 'https://hub.acme.example/hooks/m365',
        lifecycleNotificationUrl: 'https://hub.acme.example/hooks/m365',
        clientState: SECRETS.GRAPH_CLIENT_STATE,
      });
      expect(JSON.parse(kept)).toEqual({ id: created.id, userId: MAILBOX, expiresAt: created.expirationDateTime });
      expect(graph.requests.slice(0, 2).map((r) => `${r.method} ${r.path}`)).toEqual([`POST /${TENANT}/oauth2/v2.0/token`, 'POST /v1.0/subscriptions']);
    });

    it('answers the validation handshake with the token as text/plain', async () => {
      const token = 'Validation: Testing client application reachability for subscription Request-Id: 25e7a3b2-2a5d-4d39-a6d4-2d6a1c1bfa4c';
      // As Graph sends it: text/plain, no body.
      const response = await fetch(`${hub.url}/hooks/m365?validationToken=${encodeURIComponent(token)}`, { method: 'POST', headers: { 'content-type': 'text/plain; charset=utf-8' }, body: '' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await response.text()).toBe(token);
    });

    it('refuses a notification whose clientState is not the instance secret', async () => {
      const response = await postNotification('someone-elses-client-state', 'AAMkAGI1AAAt9AHlAAA=', 'W/"DwAAABYAAAD"', 'sub-unknown');
      expect(response.status).toBe(401);
      expect((await inboxOf('m365')).filter((e) => e.event_key.includes('AAMkAGI1AAAt9AHlAAA='))).toEqual([]);

      // In a collection, the item with a foreign clientState is rejected and the others go on.
      const mixed = await postCollection([
        change(SECRETS.GRAPH_CLIENT_STATE, 'AAMkAGI1AAAt9AHlAAC=', 'W/"DwAAABYAAAE"', graph.subscriptions[0].id),
        change('someone-elses-client-state', 'AAMkAGI1AAAt9AHlAAA=', 'W/"DwAAABYAAAD"', graph.subscriptions[0].id),
      ]);
      expect(mixed.status).toBe(202);
      expect(await mixed.json()).toMatchObject({ events: [{ eventKey: expect.stringContaining('AAMkAGI1AAAt9AHlAAC='), eventId: expect.any(String), duplicate: false }], rejected: [{ at: 'value[1]', reason: expect.stringMatching(/clientState/) }] });
      expect((await inboxOf('m365')).filter((e) => e.event_key.includes('AAMkAGI1AAAt9AHlAAA='))).toEqual([]);
    });

    it('reauthorizationRequired renews the subscription at Graph at once; subscriptionRemoved makes a new one', async () => {
      await keptSubscription();
      const [subscription] = graph.subscriptions;
      const lifecycle = (lifecycleEvent: string, subscriptionId: string) => ({
        subscriptionId,
        subscriptionExpirationDateTime: subscription.expirationDateTime,
        tenantId: '84bd8158-6d4d-4958-8b9f-9d6445542f95',
        clientState: SECRETS.GRAPH_CLIENT_STATE,
        lifecycleEvent,
      });
      const kept = async () => JSON.parse((await stateOf('m365', `graph:subscription:${MAILBOX}`))!) as { id: string; expiresAt: string };
      const before = await kept();
      const reauthorize = await postCollection([lifecycle('reauthorizationRequired', subscription.id)]);
      expect(reauthorize.status).toBe(202);
      const { eventId: renewal } = (await reauthorize.json()) as { eventId: string };
      const renewed = await eventually(async () => {
        const { body } = await admin<{ status: string; detail: string }>(hub.url, 'GET', `events/${renewal}`);
        return body.status === 'ignored' ? body : undefined;
      }, 10_000, 'the renewal');
      expect(renewed.detail).toMatch(new RegExp(`^reauthorizationRequired: subscription ${subscription.id} renewed until `));
      expect(graph.requests.filter((r) => r.method === 'PATCH').map((r) => r.path)).toEqual([`/v1.0/subscriptions/${subscription.id}`]);
      expect((await kept()).expiresAt).not.toBe(before.expiresAt);
      expect((await kept()).expiresAt).toBe(graph.subscriptions[0].expirationDateTime);

      const removed = await postCollection([lifecycle('subscriptionRemoved', subscription.id)]);
      expect(removed.status).toBe(202);
      await eventually(async () => ((await kept()).id !== subscription.id ? true : undefined), 10_000, 'the new subscription');
      expect(graph.subscriptions).toHaveLength(2);
      expect((await kept()).id).toBe(graph.subscriptions[1].id);
    });

    it('a notification → the event fetched from Graph → waiting until the session ends → attended for each accepted person after it, across a hub restart', async () => {
      const subscriptionId = await keptSubscription();
      const end = at(9_000);
      const start = new Date(end.getTime() - 50 * 60_000);
      const eventId = 'AAMkAGI1AAAt9AHlAAB=';
      const iCalUId = '040000008200E00074C5B7101A82E00800000000D0D06A0F6E47DB0100000000000000001000000041414D6B41474931414141743941486D';
      const person = (p: { email: string; name: string }, response: string, type = 'required') => ({ type, status: { response, time: start.toISOString() }, emailAddress: { name: p.name, address: p.email } });
      graph.events.set(eventId, {
        '@odata.etag': 'W/"DwAAABYAAADkrWGo7bouTKlsgTZMr9KwAAAfvK2o"',
        id: eventId,
        changeKey: 'DwAAABYAAADkrWGo7bouTKlsgTZMr9KwAAAfvK2o',
        lastModifiedDateTime: start.toISOString(),
        categories: [],
        iCalUId,
        isAllDay: false,
        isCancelled: false,
        subject: 'Coaching session with Ana and Dan',
        type: 'singleInstance',
        seriesMasterId: null,
        start: graphTime(start),
        end: graphTime(end),
        locations: [{ displayName: ROOM.name, locationType: 'conferenceRoom', locationEmailAddress: ROOM.email }],
        attendees: [person(ZOE, 'organizer'), person(ANA, 'accepted'), person(DAN, 'accepted', 'optional'), person(BO, 'declined'), person(ROOM, 'accepted', 'resource')],
        organizer: { emailAddress: { name: ZOE.name, address: ZOE.email } },
      });

      const response = await postNotification(SECRETS.GRAPH_CLIENT_STATE, eventId, 'W/"DwAAABYAAADkrWGo7bouTKlsgTZMr9KwAAAfvK2o"', subscriptionId);
      expect(response.status).toBe(202);
      const { eventId: inboxId, events } = (await response.json()) as { eventId: string; events: unknown[] };
      expect(events).toHaveLength(1);
      // Graph's retry of the same notification is the same event.
      const retried = await postNotification(SECRETS.GRAPH_CLIENT_STATE, eventId, 'W/"DwAAABYAAADkrWGo7bouTKlsgTZMr9KwAAAfvK2o"', subscriptionId);
      expect(await retried.json()).toMatchObject({ eventId: inboxId, duplicate: true });
      const waiting = await eventually(
        async () => {
          const { body } = await admin<{ status: string; dueAt: string; detail: string }>(hub.url, 'GET', `events/${inboxId}`);
          return body.status === 'waiting' ? body : undefined;
        },
        5_000,
        'the event waiting for the end of the session',
      );
      expect(Date.parse(waiting.dueAt)).toBe(end.getTime());
      expect(Date.now()).toBeLessThan(end.getTime());
      expect(graph.requests.some((r) => r.method === 'GET' && r.path === `/v1.0/Users/${MAILBOX}/Events/${eventId}`)).toBe(true);

      // The hub goes down while the session runs; another comes up on the same database and Redis.
      await hub.close();
      hub = await startHub();

      const activityId = sessionActivityId(ACTIVITY_BASE, { iCalUID: iCalUId, originalStart: `${start.toISOString().slice(0, 19)}Z` });
      const attended = await attendedEventually(activityId, 2, 'attended for Ana and Dan');
      expect(Date.now()).toBeGreaterThanOrEqual(end.getTime());
      expect(actorsOf(attended)).toEqual(mailto(ANA, DAN));
      expect(instructorsOf(attended)).toEqual([ZOE_AS_INSTRUCTOR]);
      expect(attended[0]).toMatchObject({ result: { duration: 'PT50M' }, context: { platform: 'Microsoft 365' }, timestamp: expect.stringMatching(new RegExp(`^${start.toISOString().slice(0, 19)}`)) });
      expect((await admin<{ status: string }>(hub.url, 'GET', `events/${inboxId}`)).body.status).toBe('normalized');
      // The restarted hub found its subscription in the database: nothing new at Graph.
      expect(graph.subscriptions).toHaveLength(2);

      // The same session exported from Outlook as an ICS file and posted to an ICS instance: the same activity.
      const upload = await fetch(`${hub.url}/hooks/ics-upload`, {
        method: 'POST',
        headers: { 'content-type': 'text/calendar', authorization: `Bearer ${SECRETS.ICS_UPLOAD_TOKEN}` },
        body: icsOf([{ uid: iCalUId, start, end, title: 'Coaching session with Ana and Dan' }]),
      });
      expect(upload.status).toBe(202);
      const both = await attendedEventually(activityId, 3, 'attended for Ana from the ICS export');
      expect(actorsOf(both)).toEqual(mailto(ANA, ANA, DAN));
      expect(new Set(both.map((s) => (s.context as { platform: string }).platform))).toEqual(new Set(['Microsoft 365', 'ICS feed']));
    });

    it('a series master → its instances read from Graph: attended for the one that ended, the next one through the rechecks task when it ends', async () => {
      const masterId = 'AAMkAGI1AAAt9AHlSER=';
      const iCalUId = '040000008200E00074C5B7101A82E00800000000SERIESMASTER0000000000000000001000000041414D6B414749315345524945';
      const slot = (startsIn: number, minutes: number) => {
        const start = at(startsIn);
        return { start, end: new Date(start.getTime() + minutes * 60_000) };
      };
      const yesterday = slot(-24 * HOUR, 30);
      const soon = { start: at(-30 * 60_000 + 3_000), end: at(3_000) };
      const nextWeek = slot(7 * 24 * HOUR, 30);
      const instance = (id: string, s: { start: Date; end: Date }) => ({
        id,
        type: 'occurrence',
        seriesMasterId: masterId,
        iCalUId: `${iCalUId}-${id}`, // Graph's per-occurrence iCalUId: the series' is the master's
        originalStart: s.start.toISOString(),
        start: graphTime(s.start),
        end: graphTime(s.end),
        subject: 'Weekly coaching',
        changeKey: 'DwAAABYAAADkrWGo7bouTKlsgTZMr9KwAAAfvSER',
        lastModifiedDateTime: yesterday.start.toISOString(),
        attendees: [{ type: 'required', status: { response: 'accepted' }, emailAddress: { name: ANA.name, address: ANA.email } }],
        organizer: { emailAddress: { name: ZOE.name, address: ZOE.email } },
      });
      graph.events.set(masterId, {
        id: masterId,
        type: 'seriesMaster',
        iCalUId,
        subject: 'Weekly coaching',
        start: graphTime(yesterday.start),
        end: graphTime(yesterday.end),
        organizer: { emailAddress: { name: ZOE.name, address: ZOE.email } },
        instances: [instance('occ-1', yesterday), instance('occ-2', soon), instance('occ-3', nextWeek)],
      });
      const idOf = (s: { start: Date }) => sessionActivityId(ACTIVITY_BASE, { iCalUID: iCalUId, originalStart: `${s.start.toISOString().slice(0, 19)}Z` });

      expect((await postNotification(SECRETS.GRAPH_CLIENT_STATE, masterId, 'W/"DwAAABYAAADkrWGo7bouTKlsgTZMr9KwAAAfvSER"', await keptSubscription())).status).toBe(202);
      expect(actorsOf(await attendedEventually(idOf(yesterday), 1, "attended for yesterday's occurrence"))).toEqual(mailto(ANA));
      const read = graph.requests.find((r) => r.path === `/v1.0/Users/${MAILBOX}/Events/${masterId}/instances`)!;
      expect(read.query).toMatchObject({ startDateTime: expect.any(String), endDateTime: expect.any(String) });
      expect(await attendedIn(idOf(soon))).toEqual([]);

      await new Promise((r) => setTimeout(r, Math.max(0, soon.end.getTime() - Date.now()) + 100));
      await runTask('m365', 'rechecks');
      expect(actorsOf(await attendedEventually(idOf(soon), 1, 'attended for the occurrence that ended since'))).toEqual(mailto(ANA));
      expect(await attendedIn(idOf(nextWeek))).toEqual([]);
    });

    it('a `missed` lifecycle notification reads the calendar view again (all pages): a session whose notification Graph dropped is reported', async () => {
      const subscriptionId = await keptSubscription();
      const dropped = { id: 'AAMkAGI1AAAt9AHlDRP=', uid: '040000008200E00074C5B7101A82E00800000000DROPPED', start: at(-5 * HOUR), end: at(-4 * HOUR) };
      graph.events.set(dropped.id, {
        id: dropped.id,
        type: 'singleInstance',
        iCalUId: dropped.uid,
        subject: 'Coaching follow-up',
        start: graphTime(dropped.start),
        end: graphTime(dropped.end),
        attendees: [{ type: 'required', status: { response: 'accepted' }, emailAddress: { name: DAN.name, address: DAN.email } }],
        organizer: { emailAddress: { name: ZOE.name, address: ZOE.email } },
      });
      // More than a page of the calendar view (the fake pages two by two): a lunch, not a session, and next week's session.
      const lunch = at(-3 * HOUR);
      for (const [id, subject, start] of [['AAMkAGI1AAAt9AHlLUN=', 'Team lunch', lunch], ['AAMkAGI1AAAt9AHlNXT=', 'Coaching', at(6 * 24 * HOUR)]] as const) {
        graph.events.set(id, { ...graph.events.get(dropped.id)!, id, iCalUId: `uid-${id}`, subject, start: graphTime(start), end: graphTime(new Date(start.getTime() + HOUR)) });
      }
      const missed = await postCollection([{ subscriptionId, tenantId: '84bd8158-6d4d-4958-8b9f-9d6445542f95', clientState: SECRETS.GRAPH_CLIENT_STATE, lifecycleEvent: 'missed' }]);
      expect(missed.status).toBe(202);
      const droppedId = sessionActivityId(ACTIVITY_BASE, { iCalUID: dropped.uid, originalStart: `${dropped.start.toISOString().slice(0, 19)}Z` });
      expect(actorsOf(await attendedEventually(droppedId, 1, 'attended for the session Graph did not notify'))).toEqual(mailto(DAN));
      const pages = graph.requests.filter((r) => r.path.toLowerCase() === `/v1.0/users/${MAILBOX}/calendarview`);
      expect(pages.length).toBeGreaterThan(1);
      expect(pages.at(-1)!.query.$skip).toBeDefined();
      expect(await attendedIn(sessionActivityId(ACTIVITY_BASE, { iCalUID: 'uid-AAMkAGI1AAAt9AHlLUN=', originalStart: `${lunch.toISOString().slice(0, 19)}Z` }))).toEqual([]);
    });

    it('a burst of notifications for one session (created, then several updates in one collection) reports each person once', async () => {
      const subscriptionId = await keptSubscription();
      const eventId = 'AAMkAGI1AAAt9AHlTWN=';
      const session = { start: at(-2 * HOUR), end: at(-HOUR) };
      const uid = '040000008200E00074C5B7101A82E00800000000TWINNOTIFICATIONS';
      graph.events.set(eventId, {
        id: eventId,
        type: 'singleInstance',
        iCalUId: uid,
        subject: 'Coaching',
        changeKey: 'twin-2',
        start: graphTime(session.start),
        end: graphTime(session.end),
        attendees: [ANA, DAN].map((p) => ({ type: 'required', status: { response: 'accepted' }, emailAddress: { name: p.name, address: p.email } })),
        organizer: { emailAddress: { name: ZOE.name, address: ZOE.email } },
      });
      const created = { ...change(SECRETS.GRAPH_CLIENT_STATE, eventId, 'W/"twin-1"', subscriptionId), changeType: 'created' };
      const updated = change(SECRETS.GRAPH_CLIENT_STATE, eventId, 'W/"twin-2"', subscriptionId);
      const more = [3, 4, 5, 6].map((n) => change(SECRETS.GRAPH_CLIENT_STATE, eventId, `W/"twin-${n}"`, subscriptionId));
      expect((await postCollection([created, updated, ...more])).status).toBe(202);
      const id = sessionActivityId(ACTIVITY_BASE, { iCalUID: uid, originalStart: `${session.start.toISOString().slice(0, 19)}Z` });
      const settled = await eventually(
        async () => {
          const rows = await db().selectFrom('inbox').select(['event_key', 'status', 'detail']).where('instance_id', '=', 'm365').where('event_key', 'like', `%${eventId}%`).execute();
          return rows.length === 6 && rows.every((r) => r.status === 'normalized' || r.status === 'ignored') ? rows : undefined;
        },
        10_000,
        'every notification mapped',
      );
      await attendedEventually(id, 2, 'attended for Ana and Dan');
      // With the inbox beside it, so a failure shows which notifications reported.
      expect({ actors: actorsOf(await attendedIn(id)), settled }).toEqual({ actors: mailto(ANA, DAN), settled: expect.anything() });
    });
  });

  describe('google-calendar', () => {
    const headers = (messageNumber: number, state: string, token = SECRETS.GOOGLE_CHANNEL_TOKEN) => ({
      'x-goog-channel-id': google.channels[0].id,
      'x-goog-channel-token': token,
      'x-goog-channel-expiration': new Date(Number(google.channels[0].expiration)).toUTCString(),
      'x-goog-resource-id': google.channels[0].resourceId,
      'x-goog-resource-uri': `https://www.googleapis.com/calendar/v3/calendars/${GOOGLE_CALENDAR}/events?alt=json`,
      'x-goog-resource-state': state,
      'x-goog-message-number': String(messageNumber),
    });
    const push = (messageNumber: number, state: string, token?: string) => fetch(`${hub.url}/hooks/google`, { method: 'POST', headers: headers(messageNumber, state, token) });
    const lists = () => google.requests.filter((r) => r.method === 'GET' && r.path.endsWith('/events'));

    it('the channel task opens a watch channel with the instance secret as its token; the sync message stores nothing', async () => {
      await eventually(async () => (google.channels.length > 0 && (await stateOf('google', 'google:channel')) ? true : undefined), 15_000, 'the Google channel');
      expect(google.channels[0]).toMatchObject({ token: SECRETS.GOOGLE_CHANNEL_TOKEN, address: 'https://hub.acme.example/hooks/google' });
      expect(JSON.parse((await stateOf('google', 'google:channel'))!)).toMatchObject({ id: google.channels[0].id, resourceId: google.channels[0].resourceId });

      const sync = await push(1, 'sync');
      expect(sync.status).toBe(200);
      expect(await inboxOf('google')).toEqual([]);
      expect(lists()).toEqual([]);
    });

    it('refuses a message with the wrong channel token', async () => {
      const response = await push(2, 'exists', 'not-the-channel-token-0000');
      expect(response.status).toBe(401);
      expect(await inboxOf('google')).toEqual([]);
    });

    it('exists → a full list, then incremental lists with the stored syncToken; a 410 → full resync; attended for what ended, rechecks for what had not', async () => {
      // First change: no sync token yet, so a full list from lookbackDays ago.
      google.put(googleEvent('p-google', past.uid, past.start, past.end, past.title));
      expect((await push(3, 'exists')).status).toBe(202);
      const pastId = sessionActivityId(ACTIVITY_BASE, { iCalUID: past.uid, originalStart: `${past.start.toISOString().slice(0, 19)}Z` });
      await eventually(async () => ((await attendedIn(pastId)).some((s) => (s.context as { platform: string }).platform === 'Google Calendar') ? true : undefined), 15_000, 'attended via Google');
      expect(lists()[0].query).toMatchObject({ singleEvents: 'true', showDeleted: 'true', timeMin: expect.any(String) });
      expect(lists()[0].query.syncToken).toBeUndefined();
      const firstToken = await eventually(() => stateOf('google', 'google:syncToken'), 5_000, 'the stored sync token');

      // Second change: only what changed since the stored token.
      const second = { id: 'g2-google', uid: 'g2-8d1f@google.com', start: at(-2 * HOUR), end: at(-HOUR) };
      google.put(googleEvent(second.id, second.uid, second.start, second.end, 'Mentoring and coaching'));
      expect((await push(4, 'exists')).status).toBe(202);
      const secondId = sessionActivityId(ACTIVITY_BASE, { iCalUID: second.uid, originalStart: `${second.start.toISOString().slice(0, 19)}Z` });
      expect(actorsOf(await attendedEventually(secondId, 1, 'attended for the second session'))).toEqual(mailto(ANA));
      expect(lists()[1].query).toMatchObject({ syncToken: JSON.parse(firstToken) });
      expect(lists()[1].query.timeMin).toBeUndefined();

      // The token expires at Google: 410, then a full list again. One session in it ended, one ends in a few seconds.
      google.expireSyncTokens();
      const third = { id: 'g3-google', uid: 'g3-0a7e@google.com', start: at(-30 * 60_000), end: at(-10 * 60_000) };
      const soon = { id: 'g4-google', uid: 'g4-5b2c@google.com', start: at(-20 * 60_000), end: at(3_000) };
      google.put(googleEvent(third.id, third.uid, third.start, third.end, 'Coaching'));
      google.put(googleEvent(soon.id, soon.uid, soon.start, soon.end, 'Coaching'));
      const asked = lists().length;
      expect((await push(5, 'exists')).status).toBe(202);
      const thirdId = sessionActivityId(ACTIVITY_BASE, { iCalUID: third.uid, originalStart: `${third.start.toISOString().slice(0, 19)}Z` });
      expect(actorsOf(await attendedEventually(thirdId, 1, 'attended for the third session'))).toEqual(mailto(ANA));
      const [gone, resync] = lists().slice(asked);
      expect(gone.query.syncToken).toBeDefined();
      expect(resync.query.syncToken).toBeUndefined();
      expect(resync.query.timeMin).toBeDefined();
      // Sessions the resync lists again that were reported before make nothing new.
      expect(await attendedIn(secondId)).toHaveLength(1);

      // The one that had not ended comes back through the `rechecks` task the connector declares.
      const schedulers = (await hub.app.get(HubQueues).tasks.getJobSchedulers()).map((s) => s.key);
      expect(schedulers).toEqual(expect.arrayContaining(['task-google-rechecks', 'task-google-channel', 'task-m365-rechecks', 'task-m365-subscriptions', 'task-ics-feed-poll', 'task-ics-feed-rechecks']));
      const soonId = sessionActivityId(ACTIVITY_BASE, { iCalUID: soon.uid, originalStart: `${soon.start.toISOString().slice(0, 19)}Z` });
      expect(await attendedIn(soonId)).toEqual([]);
      await new Promise((r) => setTimeout(r, Math.max(0, soon.end.getTime() - Date.now()) + 100));
      await runTask('google', 'rechecks');
      const recheck = await attendedEventually(soonId, 1, 'attended for the session that ended after the resync');
      expect(actorsOf(recheck)).toEqual(mailto(ANA));
      expect(instructorsOf(recheck)).toEqual([ZOE_AS_INSTRUCTOR]);
    });
  });

  it('refused credentials stop the renewal task (no retry loop) and the admin API says why', async () => {
    const stoppedOf = async (id: string) => {
      const { body } = await admin<{ id: string; stoppedTasks: { task: string; reason: string }[] }[]>(hub.url, 'GET', 'instances');
      const tasks = body.find((i) => i.id === id)!.stoppedTasks;
      return tasks.length > 0 ? tasks : undefined;
    };
    expect(await eventually(() => stoppedOf('m365-refused'), 15_000, 'the stopped Graph task')).toEqual([
      { task: 'subscriptions', reason: expect.stringMatching(/^Microsoft Entra ID refused the app's credentials/), since: expect.any(String) },
    ]);
    expect(await eventually(() => stoppedOf('google-refused'), 15_000, 'the stopped Google task')).toEqual([
      { task: 'channel', reason: expect.stringMatching(/^Google refused the refresh token/), since: expect.any(String) },
    ]);
    const schedulers = (await hub.app.get(HubQueues).tasks.getJobSchedulers()).map((s) => s.key);
    expect(schedulers).not.toContain('task-m365-refused-subscriptions');
    expect(schedulers).not.toContain('task-google-refused-channel');
    // Once per boot (a restart puts the task back), never again in between: no retry after the first backoff.
    const graphAsked = () => graph.requests.filter((r) => r.method === 'POST' && r.body.includes('an-expired-client-secret')).length;
    const googleAsked = () => google.requests.filter((r) => r.method === 'POST' && r.body.includes('a-revoked-refresh-token')).length;
    const before = [graphAsked(), googleAsked()];
    await new Promise((r) => setTimeout(r, 2500)); // longer than the first retry's backoff
    expect([graphAsked(), googleAsked()]).toEqual(before);
  });

  describe('ics', () => {
    it('the poll task reads the feed: attended for the past session; the same file posted to the hook and the same session via Google are one activity', async () => {
      const pastId = sessionActivityId(ACTIVITY_BASE, { iCalUID: past.uid, originalStart: `${past.start.toISOString().slice(0, 19)}Z` });
      const fromFeed = await eventually(
        async () => {
          const found = (await attendedIn(pastId)).filter((s) => (s.context as { platform: string }).platform === 'ICS feed');
          return found.length > 0 ? found : undefined;
        },
        15_000,
        'attended from the polled feed',
      );
      expect(feed.requests.filter((r) => r.path === '/calendar.ics').length).toBeGreaterThan(0);
      expect(actorsOf(fromFeed)).toEqual(mailto(ANA)); // not Bo (declined), not the room
      expect(instructorsOf(fromFeed)).toEqual([ZOE_AS_INSTRUCTOR]);
      expect(fromFeed[0]).toMatchObject({ result: { duration: 'PT45M' }, object: { id: pastId } });

      const upload = await fetch(`${hub.url}/hooks/ics-upload`, {
        method: 'POST',
        headers: { 'content-type': 'text/calendar', authorization: `Bearer ${SECRETS.ICS_UPLOAD_TOKEN}` },
        body: icsOf([past]),
      });
      expect(upload.status).toBe(202);
      // Feed, posted file and Google (the google-calendar tests, run before this one): three statements about Ana, one activity.
      const all = await attendedEventually(pastId, 3, 'attended from the posted file');
      expect(actorsOf(all)).toEqual(mailto(ANA, ANA, ANA));
      expect(new Set(all.map((s) => s.id)).size).toBe(3);
      expect(new Set(all.map((s) => (s.object as { id: string }).id))).toEqual(new Set([pastId]));

      const refused = await fetch(`${hub.url}/hooks/ics-upload`, { method: 'POST', headers: { 'content-type': 'text/calendar', authorization: 'Bearer not-the-token-000' }, body: icsOf([past]) });
      expect(refused.status).toBe(401);
    });
  });
});
