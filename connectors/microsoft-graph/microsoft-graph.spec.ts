import { join } from 'node:path';
import { configFor, inboundRequest, loadSamples, MappingError, runSample, type SourceEvent, splitResultOf, testContext } from '../../src/connector-sdk';
import type { RecordedCall } from '../../src/connector-sdk/testing/recorded-http';
import { itMapsEverySample, sampleNamed } from '../../src/connector-sdk/testing/sample-suite';
import { connector } from './index';

const baseConfig = {
  activityBase: 'https://calendar.acme.example/sessions',
  sessionKeywords: ['coaching', 'mentoring'],
  tenantId: 'contoso.onmicrosoft.com',
  clientId: '00000000-0000-0000-0000-00000000c11e',
  clientSecret: 'graph-client-secret',
  notificationUrl: 'https://hub.acme.example/hooks/m365-coaching',
  userIds: ['zoe@acme.example'],
};
const CLIENT_STATE = 'graph-client-state-0123456789';
const samples = loadSamples(join(__dirname, 'samples'));
const TOKEN = sampleNamed(samples, 'pacific-time-windows-zone').http![0];

function context(now: string, http: RecordedCall[] = [], state: Record<string, unknown> = {}, secrets = [CLIENT_STATE]) {
  return testContext({ instanceId: 'm365-coaching', config: configFor(connector, baseConfig), now: new Date(now), secrets, http, state });
}

const notification = (items: object[]) => inboundRequest({ body: { value: items } });
const item = (overrides: Record<string, unknown> = {}) => ({ ...(sampleNamed(samples, 'pacific-time-windows-zone').request.body as { value: object[] }).value[0], ...overrides });

describe('microsoft-graph', () => {
  itMapsEverySample(connector, samples, baseConfig);

  describe('verify (clientState, per item)', () => {
    it('passes a collection with at least one item carrying an active secret, old or new during a rotation', async () => {
      const rotating = context('2026-11-03T18:30:00Z', [], {}, ['new-client-state-0123456789', CLIENT_STATE]);
      expect(await connector.verify(notification([item()]), rotating)).toEqual({ ok: true });
      expect(await connector.verify(notification([item({ clientState: 'new-client-state-0123456789' })]), rotating)).toEqual({ ok: true });
    });

    it('refuses a collection where no item carries a matching clientState, or none at all', async () => {
      const ctx = context('2026-11-03T18:30:00Z');
      expect(await connector.verify(notification([item({ clientState: 'graph-client-state-012345678' })]), ctx)).toMatchObject({ ok: false });
      expect(await connector.verify(notification([item({ clientState: undefined })]), ctx)).toMatchObject({ ok: false });
      expect(await connector.verify(inboundRequest({ headers: { 'content-type': 'application/json' }, body: 'not json' }), ctx)).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/not a Graph notification collection/),
      });
      expect(await connector.verify(notification([item()]), context('2026-11-03T18:30:00Z', [], {}, []))).toMatchObject({ ok: false, reason: expect.stringMatching(/no secret/) });
    });
  });

  describe('split', () => {
    const keysOf = async (items: object[]) => splitResultOf(await connector.split(notification(items), context('2026-11-03T18:30:00Z'))).events.map((e) => e.key);

    it('gives a repeat of one notification the same key, and a new edit (new etag) a new one', async () => {
      const [first] = await keysOf([item()]);
      expect(await keysOf([item()])).toEqual([first]);
      const edited = item({ resourceData: { ...(item().resourceData as object), '@odata.etag': 'W/"DwAAABYAAADkrWGo7bouTKlsgTZMr9KwAAAnext"' } });
      expect((await keysOf([edited]))[0]).not.toBe(first);
    });

    it('keys a deletion without etag by a digest that ignores the clientState', async () => {
      const deleted = item({ changeType: 'deleted', resourceData: { id: 'AAMkAGI1AAAt9AHjAAA=' } });
      const [a] = await keysOf([deleted]);
      const rotated = splitResultOf(await connector.split(notification([{ ...deleted, clientState: 'other-client-state-0123' }]), context('2026-11-03T18:30:00Z', [], {}, ['other-client-state-0123'])));
      expect(rotated.events[0].key).toBe(a);
    });

    it('never keeps the clientState in the stored event, and rejects items that are neither change nor lifecycle', async () => {
      const result = splitResultOf(await connector.split(notification([item(), { subscriptionId: 's', clientState: CLIENT_STATE }]), context('2026-11-03T18:30:00Z')));
      expect(JSON.stringify(result.events)).not.toContain(CLIENT_STATE);
      expect(result.rejected).toEqual([{ at: 'value[1]', reason: 'neither a change (changeType, resource) nor a lifecycle notification' }]);
    });

    it('refuses a body without a value array', async () => {
      await expect(async () => connector.split(inboundRequest({ body: { items: [] } }), context('2026-11-03T18:30:00Z'))).rejects.toMatchObject({ status: 400 });
    });

    it('takes a very long event id', async () => {
      const id = `AAMk${'A'.repeat(400)}=`;
      const [key] = await keysOf([item({ resource: `Users/u/Events/${id}`, resourceData: { id, '@odata.etag': 'W/"x"' } })]);
      expect(key).toContain(id);
    });
  });

  describe('map', () => {
    const sample = sampleNamed(samples, 'before-the-end-later');
    const stored = async (ctx: ReturnType<typeof context>) => {
      const [event] = splitResultOf(await connector.split(notification((sample.request.body as { value: object[] }).value), ctx)).events as SourceEvent[];
      return { key: event.key, body: event.body, receivedAt: ctx.now.toISOString() };
    };

    it('fetches once: the later re-run maps the occurrences fetched before, with the token cached in state', async () => {
      const ctx = context('2026-11-03T17:30:00Z', sample.http);
      const event = await stored(ctx);
      expect(await connector.map(event, ctx)).toMatchObject({ kind: 'later', at: '2026-11-03T18:00:00.000Z' });
      expect(ctx.http.calls).toHaveLength(2);
      ctx.now = new Date('2026-11-03T18:00:00Z');
      expect(await connector.map(event, ctx)).toMatchObject({ kind: 'statements', statements: [{ statement: { actor: { mbox: 'mailto:ana@acme.example' } } }] });
      expect(ctx.http.calls).toHaveLength(2);
      expect(Object.keys(ctx.state.snapshot()).filter((k) => k.startsWith('calendar:snapshot:'))).toEqual([]);
    });

    it('reuses the cached token until five minutes before it expires', async () => {
      const ctx = context('2026-11-03T17:30:00Z', sample.http);
      await connector.map(await stored(ctx), ctx);
      await ctx.state.delete(Object.keys(ctx.state.snapshot()).find((k) => k.startsWith('calendar:snapshot:'))!);
      await connector.map(await stored(ctx), ctx);
      expect(ctx.http.calls.filter((c) => c.method === 'POST')).toHaveLength(1);
      ctx.now = new Date('2026-11-03T18:26:00Z');
      await connector.map({ ...(await stored(ctx)), key: 'another' }, ctx);
      expect(ctx.http.calls.filter((c) => c.method === 'POST')).toHaveLength(2);
    });

    it('maps an event with no organizer, categories or subject: attended without instructor or name', async () => {
      const bare = { id: 'AAMkBare=', iCalUId: 'bare-uid', type: 'singleInstance', start: { dateTime: '2026-11-03T09:00:00.0000000', timeZone: 'UTC' }, end: { dateTime: '2026-11-03T10:00:00.0000000', timeZone: 'UTC' }, attendees: [{ type: 'required', status: { response: 'accepted' }, emailAddress: { address: 'ana@acme.example' } }] };
      const ctx = testContext({
        instanceId: 'm365-coaching',
        config: configFor(connector, { ...baseConfig, sessionKeywords: [] }),
        now: new Date('2026-11-03T11:00:00Z'),
        secrets: [CLIENT_STATE],
        http: [TOKEN, { url: 'https://graph.microsoft.com/v1.0/Users/*', body: bare }],
      });
      const outcome = await connector.map({ key: 'k', body: { kind: 'change', subscriptionId: 's', changeType: 'created', resource: 'Users/u/Events/AAMkBare=' }, receivedAt: '' }, ctx);
      expect(outcome).toMatchObject({ kind: 'statements', statements: [{ statement: { actor: { objectType: 'Agent', mbox: 'mailto:ana@acme.example' }, context: { platform: 'Microsoft 365' } } }] });
      const [keyed] = outcome.kind === 'statements' ? outcome.statements : [];
      expect(keyed.statement.context).not.toHaveProperty('instructor');
      expect(keyed.statement.object).toEqual({ objectType: 'Activity', id: 'https://calendar.acme.example/sessions/bare-uid/20261103T090000Z', definition: { type: 'http://adlnet.gov/expapi/activities/meeting' } });
    });

    it('says what to fix when Entra ID refuses the credentials or Graph refuses the permission, with the status', async () => {
      const refused: RecordedCall = { ...TOKEN, status: 401, body: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.\r\nTrace ID: …' } };
      const ctx = context('2026-11-03T17:30:00Z', [refused]);
      await expect(connector.map(await stored(ctx), ctx)).rejects.toThrow(new MappingError("Microsoft Entra ID refused the app's credentials (check tenantId, clientId, clientSecret): AADSTS7000215: Invalid client secret provided."));
      const forbidden = context('2026-11-03T17:30:00Z', [TOKEN, { url: 'https://graph.microsoft.com/v1.0/Users/*', status: 403, body: { error: { code: 'ErrorAccessDenied' } } }]);
      await expect(connector.map(await stored(forbidden), forbidden)).rejects.toThrow(/grant the app Calendars.Read \(application\) with admin consent/);
      // A refusal carries its status, so the host stops a renewal task that meets it rather than retrying every tick.
      await expect(connector.tasks!.subscriptions.run(ctx)).rejects.toMatchObject({ status: 401 });
      await expect(connector.map(await stored(forbidden), forbidden)).rejects.toMatchObject({ status: 403 });
    });
  });

  describe('tasks', () => {
    const subscription = { id: '7f105c7d-2dc5-4530-97cd-4e7ae6534c07', userId: 'zoe@acme.example', expiresAt: '2026-11-05T18:23:45.935Z' };
    const created: RecordedCall = { method: 'POST', url: 'https://graph.microsoft.com/v1.0/subscriptions', status: 201, body: { id: 'new-subscription', expirationDateTime: '2026-11-08T11:30:00Z' } };

    it('creates a subscription for each mailbox that has none, with the newest secret as clientState', async () => {
      const ctx = context('2026-11-05T08:30:00Z', [TOKEN, created], {}, ['newest-client-state-012345', CLIENT_STATE]);
      await connector.tasks!.subscriptions.run(ctx);
      expect(ctx.http.calls[1]).toMatchObject({
        method: 'POST',
        data: {
          changeType: 'created,updated,deleted',
          notificationUrl: baseConfig.notificationUrl,
          lifecycleNotificationUrl: baseConfig.notificationUrl,
          resource: '/users/zoe@acme.example/events',
          expirationDateTime: '2026-11-08T07:00:00.000Z',
          clientState: 'newest-client-state-012345',
        },
      });
      expect(ctx.state.snapshot()['graph:subscription:zoe@acme.example']).toEqual({ id: 'new-subscription', userId: 'zoe@acme.example', expiresAt: '2026-11-08T11:30:00Z' });
    });

    it('renews a subscription that expires within renewBeforeMinutes, leaves a fresh one, recreates a gone one', async () => {
      const renewed: RecordedCall = { method: 'PATCH', url: `https://graph.microsoft.com/v1.0/subscriptions/${subscription.id}`, body: { id: subscription.id, expirationDateTime: '2026-11-08T07:00:00Z' } };
      const fresh = context('2026-11-03T08:30:00Z', [TOKEN, renewed], { 'graph:subscription:zoe@acme.example': subscription });
      await connector.tasks!.subscriptions.run(fresh);
      expect(fresh.http.calls).toEqual([]);
      const due = context('2026-11-05T08:30:00Z', [TOKEN, renewed], { 'graph:subscription:zoe@acme.example': subscription });
      await connector.tasks!.subscriptions.run(due);
      expect(due.http.calls[1]).toMatchObject({ method: 'PATCH', data: { expirationDateTime: '2026-11-08T07:00:00.000Z' } });
      expect(due.state.snapshot()['graph:subscription:zoe@acme.example']).toMatchObject({ expiresAt: '2026-11-08T07:00:00Z' });
      const gone = context('2026-11-05T08:30:00Z', [TOKEN, { ...renewed, status: 404, body: {} }, created], { 'graph:subscription:zoe@acme.example': subscription });
      await connector.tasks!.subscriptions.run(gone);
      expect(gone.state.snapshot()['graph:subscription:zoe@acme.example']).toMatchObject({ id: 'new-subscription' });
    });

    it('brings back the occurrence of a series that had not ended, when it ends', async () => {
      const sample = sampleNamed(samples, 'recurring-series-with-exception');
      const { context: ctx } = await runSample(connector, sample, baseConfig);
      ctx.now = new Date('2026-11-16T10:00:00Z');
      const [recheck] = (await connector.tasks!.rechecks.run(ctx)) ?? [];
      const outcome = await connector.map({ key: recheck.key, body: recheck.body, receivedAt: ctx.now.toISOString() }, ctx);
      expect(outcome).toMatchObject({ kind: 'statements', statements: [{ statement: { timestamp: '2026-11-16T09:00:00.000Z', object: { id: expect.stringMatching(/\/20261116T090000Z$/) } } }] });
    });
  });
});
