import { join } from 'node:path';
import { configFor, inboundRequest, loadSamples, runSample, splitResultOf, testContext } from '../../src/connector-sdk';
import type { RecordedCall } from '../../src/connector-sdk/testing/recorded-http';
import { connector as ics } from '../ics/index';
import { itMapsEverySample, sampleNamed } from '../../src/connector-sdk/testing/sample-suite';
import { connector } from './index';

const baseConfig = {
  activityBase: 'https://calendar.acme.example/sessions',
  sessionKeywords: ['coaching', 'mentoring'],
  clientId: 'hub.apps.googleusercontent.com',
  clientSecret: 'google-client-secret',
  refreshToken: 'google-refresh-token',
  calendarId: 'zoe@acme.example',
  channelAddress: 'https://hub.acme.example/hooks/google-coaching',
};
const TOKEN = 'google-channel-token-0123456789';
const samples = loadSamples(join(__dirname, 'samples'));
const headers = sampleNamed(samples, 'recurring-series-with-exception').request.headers!;
const OAUTH = sampleNamed(samples, 'recurring-series-with-exception').http![0];

function context(now: string, http: RecordedCall[] = [], state: Record<string, unknown> = {}, secrets = [TOKEN]) {
  return testContext({ instanceId: 'google-coaching', config: configFor(connector, baseConfig), now: new Date(now), secrets, http, state });
}
const push = (overrides: Record<string, string | undefined> = {}) =>
  inboundRequest({ headers: Object.fromEntries(Object.entries({ ...headers, ...overrides }).filter(([, v]) => v !== undefined)) as Record<string, string> });

describe('google-calendar', () => {
  itMapsEverySample(connector, samples, baseConfig);

  it('stores nothing for the sync message: no sync token is read or moved', async () => {
    const result = await runSample(connector, sampleNamed(samples, 'sync-message'), baseConfig);
    expect(result.handshake).toEqual({ status: 200, body: '' });
    expect(result.context.http.calls).toEqual([]);
    expect(result.context.state.snapshot()).toEqual({ 'google:syncToken': 'CPDAlvWDx70CEPDAlvWDx70CGAU=' });
  });

  describe('verify (X-Goog-Channel-Token)', () => {
    it('takes the token of any active secret (rotation), and nothing else', async () => {
      const rotating = context('2026-11-10T12:00:00Z', [], {}, ['new-channel-token-0123456789', TOKEN]);
      expect(await connector.verify(push(), rotating)).toEqual({ ok: true });
      expect(await connector.verify(push({ 'x-goog-channel-token': 'new-channel-token-0123456789' }), rotating)).toEqual({ ok: true });
      expect(await connector.verify(push({ 'x-goog-channel-token': `${TOKEN}x` }), rotating)).toMatchObject({ ok: false });
      expect(await connector.verify(push({ 'x-goog-channel-token': undefined }), rotating)).toEqual({ ok: false, reason: 'missing X-Goog-Channel-Token header' });
      expect(await connector.verify(push(), context('2026-11-10T12:00:00Z', [], {}, []))).toMatchObject({ ok: false, reason: expect.stringMatching(/no secret/) });
    });

    it('refuses a stale message: one on a channel that expired (a replay), beyond five minutes of skew', async () => {
      // The samples' channel expires Tue, 08 Dec 2026 08:00:00 GMT.
      expect(await connector.verify(push(), context('2026-12-08T08:04:00Z'))).toEqual({ ok: true });
      expect(await connector.verify(push(), context('2026-12-08T08:06:00Z'))).toEqual({
        ok: false,
        reason: "stale: the channel expired at 2026-12-08T08:00:00.000Z; replayed, or the hub's clock is wrong",
      });
      expect(await connector.verify(push({ 'x-goog-channel-expiration': undefined }), context('2027-06-01T00:00:00Z'))).toEqual({ ok: true });
    });
  });

  describe('split', () => {
    it('keys a message by channel and message number: a redelivery is a duplicate, the next message is new', async () => {
      const ctx = context('2026-11-10T12:00:00Z');
      const key = async (number: string) => splitResultOf(await connector.split(push({ 'x-goog-message-number': number }), ctx)).events[0].key;
      expect(await key('7')).toBe('hub-google-coaching-1793952000000:7');
      expect(await key('7')).toBe(await key('7'));
      expect(await key('8')).not.toBe(await key('7'));
    });

    it('never keeps the channel token in the stored event, and refuses a request without the Google headers', async () => {
      const [event] = splitResultOf(await connector.split(push(), context('2026-11-10T12:00:00Z'))).events;
      expect(JSON.stringify(event.body)).not.toContain(TOKEN);
      expect(() => connector.split(push({ 'x-goog-message-number': undefined }), context('2026-11-10T12:00:00Z'))).toThrow(expect.objectContaining({ status: 400 }));
    });
  });

  it('names a session with the same activity id whether it came through Google or an ICS export of the same calendar', async () => {
    const google = await runSample(connector, sampleNamed(samples, 'recurring-series-with-exception'), baseConfig);
    const body = [
      'BEGIN:VCALENDAR',
      'VERSION:2.0',
      'BEGIN:VEVENT',
      'UID:7kukuqrfedlm2f9t0vvm5r3b1g@google.com',
      'DTSTAMP:20261101T000000Z',
      'DTSTART;TZID=Europe/Berlin:20261102T100000',
      'DTEND;TZID=Europe/Berlin:20261102T110000',
      'RRULE:FREQ=WEEKLY;COUNT=3',
      'SUMMARY:Coaching: Ana',
      'ORGANIZER;CN=Zoë Ökter:mailto:zoe@acme.example',
      'ATTENDEE;PARTSTAT=ACCEPTED;CN=Ana Lima:mailto:ana@acme.example',
      'END:VEVENT',
      'END:VCALENDAR',
    ].join('\r\n');
    const fromIcs = await runSample(
      ics,
      { description: '', now: '2026-11-10T12:00:00Z', verify: false, request: { headers: { 'content-type': 'text/calendar' }, body }, expected: {} },
      { activityBase: baseConfig.activityBase, sessionKeywords: ['coaching'] },
    );
    expect(fromIcs.events[0].statements[0].object).toEqual(google.events[0].statements[0].object);
  });

  describe('map', () => {
    it('maps an event with no organizer, attendees or title: nothing to report, and says why', async () => {
      const bare = { id: 'bare1', iCalUID: 'bare1@google.com', status: 'confirmed', start: { dateTime: '2026-11-05T09:00:00Z' }, end: { dateTime: '2026-11-05T10:00:00Z' } };
      const ctx = testContext({
        instanceId: 'google-coaching',
        config: configFor(connector, { ...baseConfig, sessionKeywords: [] }),
        now: new Date('2026-11-05T11:00:00Z'),
        secrets: [TOKEN],
        http: [OAUTH, { url: 'https://www.googleapis.com/calendar/v3/calendars/zoe%40acme.example/events?*', body: { items: [bare], nextSyncToken: 'next' } }],
      });
      expect(await connector.map({ key: 'k', body: {}, receivedAt: '' }, ctx)).toEqual({
        kind: 'ignored',
        reason: 'no attendee accepted (rooms, resources and the organizer do not count)',
      });
      expect(ctx.state.snapshot()['google:syncToken']).toBe('next');
    });

    it('reads the changes once: the later re-run maps the occurrences read before, with the token cached', async () => {
      const sample = sampleNamed(samples, 'before-the-end-later');
      const ctx = context('2026-11-05T15:30:00Z', sample.http, { 'google:syncToken': 'CPDAlvWDx70CEPDAlvWDx70CGAU=' });
      const [event] = splitResultOf(await connector.split(push(), ctx)).events;
      const stored = { key: event.key, body: event.body, receivedAt: ctx.now.toISOString() };
      expect(await connector.map(stored, ctx)).toMatchObject({ kind: 'later', at: '2026-11-05T15:45:00.000Z' });
      ctx.now = new Date('2026-11-05T15:45:00Z');
      expect(await connector.map(stored, ctx)).toMatchObject({ kind: 'statements' });
      expect(ctx.http.calls).toHaveLength(2);
      expect(ctx.http.calls[1]).toMatchObject({ params: { syncToken: 'CPDAlvWDx70CEPDAlvWDx70CGAU=', singleEvents: 'true' }, headers: { authorization: 'Bearer ya29.a0AfB_byC-example-access-token' } });
    });

    it('says what to fix when the refresh token is refused or the calendar is not readable, with the status', async () => {
      const refused = context('2026-11-05T15:30:00Z', [{ ...OAUTH, status: 400, body: { error: 'invalid_grant', error_description: 'Token has been expired or revoked.' } }]);
      await expect(connector.map({ key: 'k', body: {}, receivedAt: '' }, refused)).rejects.toThrow(/Google refused the refresh token .*Token has been expired or revoked/);
      const forbidden = context('2026-11-05T15:30:00Z', [OAUTH, { url: 'https://www.googleapis.com/calendar/v3/*', status: 403, body: {} }]);
      await expect(connector.map({ key: 'k', body: {}, receivedAt: '' }, forbidden)).rejects.toThrow(/must be able to read the calendar/);
      // Google's invalid_grant is a 400, yet a refused credential all the same: the host stops a channel task on 401/403.
      await expect(connector.map({ key: 'k', body: {}, receivedAt: '' }, refused)).rejects.toMatchObject({ status: 401 });
      await expect(connector.map({ key: 'k', body: {}, receivedAt: '' }, forbidden)).rejects.toMatchObject({ status: 403 });
    });
  });

  describe('tasks', () => {
    const watch: RecordedCall = {
      method: 'POST',
      url: 'https://www.googleapis.com/calendar/v3/calendars/zoe%40acme.example/events/watch',
      body: { kind: 'api#channel', id: 'hub-google-coaching-1794038400000', resourceId: 'o3hgv1538sdjfh', resourceUri: 'https://www.googleapis.com/calendar/v3/calendars/zoe@acme.example/events?alt=json', expiration: '1795338000000' },
    };
    const stop: RecordedCall = { method: 'POST', url: 'https://www.googleapis.com/calendar/v3/channels/stop', status: 204, body: '' };
    const current = { id: 'hub-google-coaching-1793952000000', resourceId: 'ret08u3rv24htgh289g', expiresAt: '2026-11-16T08:00:00.000Z' };

    it('opens a channel (events.watch) with the newest secret as token when there is none', async () => {
      const ctx = context('2026-11-10T08:00:00Z', [OAUTH, watch], {}, ['newest-channel-token-0123', TOKEN]);
      await connector.tasks!.channel.run(ctx);
      expect(ctx.http.calls[1]).toMatchObject({
        method: 'POST',
        data: { id: 'hub-google-coaching-1794297600000', type: 'web_hook', address: baseConfig.channelAddress, token: 'newest-channel-token-0123', params: { ttl: '604800' } },
      });
      expect(ctx.state.snapshot()['google:channel']).toEqual({ id: 'hub-google-coaching-1794297600000', resourceId: 'o3hgv1538sdjfh', expiresAt: '2026-11-22T09:00:00.000Z' });
    });

    it('leaves a fresh channel alone; replaces one about to expire, then stops the old one', async () => {
      const fresh = context('2026-11-10T08:00:00Z', [OAUTH, watch, stop], { 'google:channel': current });
      await connector.tasks!.channel.run(fresh);
      expect(fresh.http.calls).toEqual([]);
      const due = context('2026-11-15T09:00:00Z', [OAUTH, watch, stop], { 'google:channel': current });
      await connector.tasks!.channel.run(due);
      expect(due.http.calls.map((c) => c.url)).toEqual([OAUTH.url, watch.url, stop.url]);
      expect(due.http.calls[2].data).toEqual({ id: current.id, resourceId: current.resourceId });
      expect(due.state.snapshot()['google:channel']).toMatchObject({ resourceId: 'o3hgv1538sdjfh' });
    });

    it('brings back the instance of a series that had not ended, when it ends', async () => {
      const { context: ctx } = await runSample(connector, sampleNamed(samples, 'recurring-series-with-exception'), baseConfig);
      ctx.now = new Date('2026-11-16T10:00:00Z');
      const [recheck] = (await connector.tasks!.rechecks.run(ctx)) ?? [];
      const outcome = await connector.map({ key: recheck.key, body: recheck.body, receivedAt: ctx.now.toISOString() }, ctx);
      expect(outcome).toMatchObject({ kind: 'statements', statements: [{ statement: { object: { id: expect.stringMatching(/\/20261116T090000Z$/) } } }] });
    });
  });
});
