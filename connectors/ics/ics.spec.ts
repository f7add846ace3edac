import { join } from 'node:path';
import { configFor, inboundRequest, loadSamples, runSample, statementIdFor, testContext } from '../../src/connector-sdk';
import { itMapsEverySample, sampleNamed } from '../../src/connector-sdk/testing/sample-suite';
import { connector } from './index';

const baseConfig = { activityBase: 'https://calendar.acme.example/sessions', sessionKeywords: ['coaching', 'mentoring'], timeZone: 'Europe/Berlin' };
const TOKEN = 'ics-upload-token-0123456789';
const samples = loadSamples(join(__dirname, 'samples'));
const text = (name: string) => sampleNamed(samples, name).request.body as string;

function context(now: string, config: Record<string, unknown> = {}, secrets: string[] = [TOKEN]) {
  return testContext({
    instanceId: 'coaching-ics',
    config: configFor(connector, { ...baseConfig, ...config }),
    now: new Date(now),
    secrets,
    http: [{ url: 'https://calendar.acme.example/feeds/zoe.ics', headers: { 'content-type': 'text/calendar' }, body: text('recurring-series-with-exception.json') }],
  });
}

describe('ics', () => {
  itMapsEverySample(connector, samples, baseConfig);

  it('voids exactly the statement it sent before (the StatementRef is that statement id)', async () => {
    const sample = sampleNamed(samples, 'cancelled-occurrence-already-reported');
    const result = await runSample(connector, sample, baseConfig);
    const target = statementIdFor(
      'coaching-ics',
      'occurrence:series-coaching-ana@acme.example/20261109T090000Z:0a1b2c3d4e5f6071',
      'attended:series-coaching-ana@acme.example/20261109T090000Z:ana@acme.example',
    );
    expect(result.events[0].statements[0].object).toEqual({ objectType: 'StatementRef', id: target });
  });

  describe('verify (files posted to the hook)', () => {
    const body = text('room-attendee.json');
    const post = (authorization?: string) => inboundRequest({ headers: { 'content-type': 'text/calendar', ...(authorization ? { authorization } : {}) }, body });
    it('takes the bearer token of any active secret (rotation), and nothing else', async () => {
      const rotating = context('2026-11-05T14:00:00Z', {}, ['new-upload-token-0123456789', TOKEN]);
      expect(await connector.verify(post(`Bearer ${TOKEN}`), rotating)).toEqual({ ok: true });
      expect(await connector.verify(post('Bearer new-upload-token-0123456789'), rotating)).toEqual({ ok: true });
      expect(await connector.verify(post('Bearer ics-upload-token-012345678'), rotating)).toMatchObject({ ok: false });
      expect(await connector.verify(post(), rotating)).toEqual({ ok: false, reason: 'missing Authorization: Bearer <token> header' });
      expect(await connector.verify(post(`Basic ${TOKEN}`), rotating)).toMatchObject({ ok: false });
    });
    it('takes no files at all when the instance has no secret', async () => {
      expect(await connector.verify(post(`Bearer ${TOKEN}`), context('2026-11-05T14:00:00Z', {}, []))).toMatchObject({ ok: false, reason: expect.stringMatching(/no secret/) });
    });
  });

  it('refuses a body that is not iCalendar with 400', async () => {
    const request = inboundRequest({ headers: { 'content-type': 'text/calendar' }, body: 'BEGIN:VCARD\r\nEND:VCARD' });
    expect(() => connector.split(request, context('2026-11-05T14:00:00Z'))).toThrow(expect.objectContaining({ status: 400 }));
  });

  it('gives the same event keys for the same file twice (duplicates), a new key when an occurrence changes', async () => {
    const ctx = context('2026-11-20T12:00:00Z');
    const once = (await connector.split(inboundRequest({ headers: { 'content-type': 'text/calendar' }, body: text('recurring-series-with-exception.json') }), ctx)) as { key: string }[];
    const twice = (await connector.split(inboundRequest({ headers: { 'content-type': 'text/calendar' }, body: text('recurring-series-with-exception.json') }), ctx)) as { key: string }[];
    expect(twice.map((e) => e.key)).toEqual(once.map((e) => e.key));
    const retitled = text('recurring-series-with-exception.json').replace('SUMMARY:Coaching: Ana\r\n', 'SUMMARY:Coaching: Ana L.\r\n');
    const changed = (await connector.split(inboundRequest({ headers: { 'content-type': 'text/calendar' }, body: retitled }), ctx)) as { key: string }[];
    expect(changed[0].key).not.toBe(once[0].key);
    expect(changed[1].key).toBe(once[1].key); // the override kept its own title
  });

  it('maps an event with no organizer, no title and a very long UID: no instructor, no name, a valid id', async () => {
    const uid = `${'x'.repeat(900)}@acme.example`;
    const body = `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nUID:${uid}\r\nDTSTAMP:20261101T000000Z\r\nDTSTART:20261105T130000Z\r\nDTEND:20261105T140000Z\r\nATTENDEE;PARTSTAT=ACCEPTED:mailto:ana@acme.example\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n`;
    const result = await runSample(connector, { description: '', now: '2026-11-05T15:00:00Z', verify: false, request: { headers: { 'content-type': 'text/calendar' }, body }, expected: {} }, { ...baseConfig, sessionKeywords: [] });
    expect(result.events[0].invalid).toEqual([]);
    const [statement] = result.events[0].statements;
    expect(statement.context).toEqual({ platform: 'ICS feed' });
    expect(statement.object).toEqual({ objectType: 'Activity', id: `https://calendar.acme.example/sessions/${'x'.repeat(900)}%40acme.example/20261105T130000Z`, definition: { type: 'http://adlnet.gov/expapi/activities/meeting' } });
  });

  describe('tasks', () => {
    it('polls the feed when a URL is configured: one event per occurrence in the window', async () => {
      expect(connector.tasks!.poll.everyMs(configFor(connector, baseConfig))).toBeUndefined();
      const config = { feedUrl: 'https://calendar.acme.example/feeds/zoe.ics', pollMinutes: 5 };
      expect(connector.tasks!.poll.everyMs(configFor(connector, { ...baseConfig, ...config }))).toBe(300_000);
      const ctx = context('2026-11-20T12:00:00Z', config);
      const events = (await connector.tasks!.poll.run(ctx)) ?? [];
      expect(events.map((e) => e.key.split(':').slice(0, 2).join(':'))).toEqual([
        'occurrence:series-coaching-ana@acme.example/20261102T090000Z',
        'occurrence:series-coaching-ana@acme.example/20261109T090000Z',
        'occurrence:series-coaching-ana@acme.example/20261116T090000Z',
        'occurrence:series-coaching-ana@acme.example/20261123T090000Z',
      ]);
      expect(ctx.http.calls).toEqual([{ url: config.feedUrl, headers: { accept: 'text/calendar' } }]);
    });

    it('fails the poll (the host retries) when the feed does not answer 200', async () => {
      const ctx = testContext({ config: configFor(connector, { ...baseConfig, feedUrl: 'https://calendar.acme.example/gone.ics' }), http: [{ url: 'https://calendar.acme.example/gone.ics', status: 404, body: 'Not Found' }] });
      await expect(connector.tasks!.poll.run(ctx)).rejects.toThrow('the ICS feed answered 404');
    });

    it('reports a pending occurrence through map: later at its end, attended after', async () => {
      const ctx = context('2026-11-20T12:00:00Z', { feedUrl: 'https://calendar.acme.example/feeds/zoe.ics' });
      const events = (await connector.tasks!.poll.run(ctx)) ?? [];
      const last = { key: events[3].key, body: events[3].body, receivedAt: ctx.now.toISOString() };
      expect(await connector.map(last, ctx)).toMatchObject({ kind: 'later', at: '2026-11-23T10:00:00.000Z' });
      ctx.now = new Date('2026-11-23T10:00:00Z');
      expect(await connector.map(last, ctx)).toMatchObject({ kind: 'statements', statements: [{ subKey: 'attended:series-coaching-ana@acme.example/20261123T090000Z:ana@acme.example' }] });
      expect(await connector.tasks!.rechecks.run(ctx)).toEqual([]);
    });
  });
});
