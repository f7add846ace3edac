import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { configFor, dryRun, inboundRequest, loadSamples, runSample, statementIdFor, testContext } from '../../src/connector-sdk';
import { itMapsEverySample, sampleNamed } from '../../src/connector-sdk/testing/sample-suite';
import { connector } from './index';
import { parseCommandText } from './parse-command';

const baseConfig = { teamDomain: 'acme', teamId: 'T0ACME123', learningChannels: ['C0LEARN01'] };
const NOW = new Date('2026-11-27T12:00:00Z');
const SECRET = 'slack-signing-secret-current-0123';
const OLD = 'slack-signing-secret-previous-0123';
const samples = loadSamples(join(__dirname, 'samples'));

function signed(body: string, options: { secret?: string; ts?: number; type?: string } = {}) {
  const ts = String(options.ts ?? NOW.getTime() / 1000);
  const signature = `v0=${createHmac('sha256', options.secret ?? SECRET).update(`v0:${ts}:${body}`).digest('hex')}`;
  return inboundRequest({
    headers: { 'content-type': options.type ?? 'application/json', 'x-slack-request-timestamp': ts, 'x-slack-signature': signature },
    body,
    receivedAt: NOW,
  });
}

const context = (config: Record<string, unknown> = baseConfig, secrets = [SECRET, OLD], http = [] as Parameters<typeof testContext>[0]['http']) =>
  testContext({ instanceId: 'slack-acme', config: configFor(connector, config), now: NOW, secrets, http });

const messageBody = (eventId: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    type: 'event_callback',
    team_id: 'T0ACME123',
    event_id: eventId,
    event: { type: 'message', channel: 'C0LEARN01', user: 'U0ANA0001', text: 'Read the SRE book, ch. 3', ts: '1795780700.000200', ...extra },
  });

describe('slack', () => {
  itMapsEverySample(connector, samples, baseConfig);

  describe('signature (v0, 5-minute window, any active secret)', () => {
    const body = messageBody('Ev1');
    it('accepts a valid signature, and both secrets while a rotation has two active', async () => {
      expect(await connector.verify(signed(body), context())).toEqual({ ok: true });
      expect(await connector.verify(signed(body, { secret: OLD }), context())).toEqual({ ok: true });
      expect(await connector.verify(signed(body, { secret: OLD }), context(baseConfig, [SECRET]))).toMatchObject({ ok: false });
    });

    it('refuses a wrong secret, a tampered body, a missing header and a malformed signature', async () => {
      expect(await connector.verify(signed(body, { secret: 'someone-elses-secret-000' }), context())).toMatchObject({ ok: false, reason: expect.stringMatching(/does not match/) });
      const tampered = { ...signed(body), rawBody: Buffer.from(body.replace('SRE', 'XYZ')) };
      expect(await connector.verify(tampered, context())).toMatchObject({ ok: false, reason: expect.stringMatching(/does not match/) });
      const { 'x-slack-signature': _signature, ...noSignature } = signed(body).headers;
      expect(await connector.verify({ ...signed(body), headers: noSignature }, context())).toEqual({ ok: false, reason: 'missing X-Slack-Signature' });
      const { 'x-slack-request-timestamp': _ts, ...noTimestamp } = signed(body).headers;
      expect(await connector.verify({ ...signed(body), headers: noTimestamp }, context())).toEqual({ ok: false, reason: 'missing X-Slack-Request-Timestamp header' });
      const malformed = { ...signed(body), headers: { ...signed(body).headers, 'x-slack-signature': 'v0=zz' } };
      expect(await connector.verify(malformed, context())).toMatchObject({ ok: false, reason: expect.stringMatching(/malformed/) });
    });

    it('refuses a timestamp outside five minutes either way, against the hub clock (not the request)', async () => {
      const now = NOW.getTime() / 1000;
      expect(await connector.verify(signed(body, { ts: now - 300 }), context())).toEqual({ ok: true });
      expect(await connector.verify(signed(body, { ts: now - 301 }), context())).toMatchObject({ ok: false, reason: expect.stringMatching(/301 s/) });
      expect(await connector.verify(signed(body, { ts: now + 400 }), context())).toMatchObject({ ok: false });
    });

    it('refuses everything when the instance has no signing secret', async () => {
      expect(await connector.verify(signed(body), context(baseConfig, []))).toMatchObject({ ok: false, reason: expect.stringMatching(/no Slack signing secret/) });
    });

    it('answers no challenge to an unsigned url_verification', async () => {
      const challenge = JSON.stringify({ type: 'url_verification', challenge: 'abc' });
      expect(await connector.handshake!(signed(challenge), context())).toEqual({ status: 200, body: 'abc', contentType: 'text/plain' });
      expect(await connector.handshake!(signed(challenge, { secret: 'wrong-secret-0000000000' }), context())).toBeUndefined();
    });
  });

  describe('dedupe', () => {
    it('keys events by event_id, so a retry is the same event with the same statement ids', async () => {
      const first = await connector.split(signed(messageBody('Ev0RETRY1')), context());
      const retry = await connector.split({ ...signed(messageBody('Ev0RETRY1')), headers: { 'x-slack-retry-num': '2' } }, context());
      expect(first).toEqual(retry);
      const original = await runSample(connector, sampleNamed(samples, 'signed-message-in-learning-channel'), baseConfig);
      const retried = await runSample(connector, sampleNamed(samples, 'retry-same-event-id'), baseConfig);
      expect(retried.events[0].statements[0].id).toBe(original.events[0].statements[0].id);
      expect(original.events[0].statements[0].id).toBe(statementIdFor('test', 'Ev0AB1CDEFGH', 'shared'));
    });

    it('never stores the verification token', async () => {
      const body = JSON.stringify({ token: 'XXYYZZ', ...JSON.parse(messageBody('Ev2')) });
      const split = await connector.split(signed(body), context());
      expect(JSON.stringify(split)).not.toContain('XXYYZZ');
    });
  });

  describe('users.info', () => {
    const answer = { ok: true, user: { id: 'U0ANA0001', real_name: 'Ana Lima', profile: { email: 'Ana.Lima@acme.example' } } };
    const http = [{ method: 'GET', url: 'https://slack.test/api/users.info?user=U0ANA0001', body: answer }];
    const config = { ...baseConfig, botToken: 'slack-bot-token-for-tests', apiBaseUrl: 'https://slack.test/api' };

    it('is asked in map with the bot token, cached in state with an expiry, and never in split', async () => {
      const ctx = context(config, [SECRET], http);
      const request = signed(messageBody('Ev3'));
      const result = await dryRun(connector, request, ctx, { verify: true, versions: ['1.0.3'] });
      expect(result.events[0].people).toEqual([
        { identities: [{ account: { homePage: 'https://acme.slack.com', name: 'U0ANA0001' } }, { mbox: 'mailto:ana.lima@acme.example' }], name: 'Ana Lima' },
      ]);
      // The actor stays the Slack account: the identity directory decides, not the connector.
      expect(result.events[0].statements[0].actor).toEqual({ objectType: 'Agent', name: 'Ana Lima', account: { homePage: 'https://acme.slack.com', name: 'U0ANA0001' } });
      expect(ctx.http.calls).toEqual([expect.objectContaining({ headers: { authorization: 'Bearer slack-bot-token-for-tests' } })]);
      expect(ctx.state.snapshot()['slack-user:U0ANA0001']).toEqual({ email: 'Ana.Lima@acme.example', name: 'Ana Lima', expiresAt: '2026-11-28T12:00:00.000Z' });

      await dryRun(connector, signed(messageBody('Ev4')), ctx, { verify: true, versions: ['1.0.3'] });
      expect(ctx.http.calls).toHaveLength(1);

      const splitOnly = context(config, [SECRET], []);
      await connector.split(request, splitOnly);
      expect(splitOnly.http.calls).toHaveLength(0);
    });

    it('asks again once the cached answer has expired', async () => {
      const ctx = context(config, [SECRET], http);
      await ctx.state.set('slack-user:U0ANA0001', { email: 'old@acme.example', expiresAt: '2026-11-27T11:00:00.000Z' });
      const result = await dryRun(connector, signed(messageBody('Ev5')), ctx, { verify: false, versions: ['1.0.3'] });
      expect(ctx.http.calls).toHaveLength(1);
      expect(result.events[0].people?.[0].identities[1]).toEqual({ mbox: 'mailto:ana.lima@acme.example' });
    });

    it('sends the statement with the Slack account only when users.info refuses (missing_scope)', async () => {
      const ctx = context(config, [SECRET], [{ method: 'GET', url: 'https://slack.test/api/users.info?user=U0ANA0001', body: { ok: false, error: 'missing_scope' } }]);
      const result = await dryRun(connector, signed(messageBody('Ev6')), ctx, { verify: false, versions: ['1.0.3'] });
      expect(result.events[0].statements).toHaveLength(1);
      expect(result.events[0].people).toBeUndefined();
    });

    it('throws (so the host retries) when Slack rate limits users.info', async () => {
      const ctx = context(config, [SECRET], [{ method: 'GET', url: 'https://slack.test/api/users.info?user=U0ANA0001', status: 429, headers: { 'retry-after': '30' }, body: {} }]);
      await expect(connector.map({ key: 'Ev7', body: JSON.parse(messageBody('Ev7')), receivedAt: NOW.toISOString() }, ctx)).rejects.toThrow(/rate limited/);
    });

    it('makes no call without a bot token', async () => {
      const ctx = context(baseConfig, [SECRET], []);
      await connector.map({ key: 'Ev8', body: JSON.parse(messageBody('Ev8')), receivedAt: NOW.toISOString() }, ctx);
      expect(ctx.http.calls).toHaveLength(0);
    });
  });

  it('voids exactly the liked statement the reaction made when it is removed', async () => {
    const added = sampleNamed(samples, 'reaction-on-learning-message');
    const liked = await runSample(connector, added, baseConfig);
    const state = liked.context.state.snapshot();
    expect(state).toEqual({ 'slack-reaction:C0LEARN01:1795780700.000200:U0BEN0002:raised_hands': { eventKey: liked.events[0].eventKey } });
    const removed = await runSample(connector, { ...sampleNamed(samples, 'reaction-removed-voids-like'), state }, baseConfig);
    expect(removed.events[0].statements[0].object).toEqual({ objectType: 'StatementRef', id: liked.events[0].statements[0].id });
  });

  describe('mapping edges', () => {
    const map = (body: string, config: Record<string, unknown> = baseConfig) =>
      connector.map({ key: 'k', body: JSON.parse(body), receivedAt: NOW.toISOString() }, context(config));

    it('ignores events from another workspace when the team id is configured', async () => {
      expect(await map(messageBody('Ev9').replace('T0ACME123', 'T0OTHER99'))).toEqual({
        kind: 'ignored',
        reason: 'event from Slack workspace T0OTHER99; this instance takes T0ACME123 only',
      });
    });

    it('puts a thread reply under its thread root, and keeps long ids and long text intact in the id', async () => {
      const outcome = await map(messageBody('Ev10', { thread_ts: '1795780600.000100', text: 'x'.repeat(500), channel: 'C0LEARN01' }));
      expect(outcome).toMatchObject({ kind: 'statements' });
      const statement = outcome.kind === 'statements' ? outcome.statements[0].statement : undefined;
      expect(statement?.context?.contextActivities).toEqual({
        parent: [{ objectType: 'Activity', id: 'https://acme.slack.com/archives/C0LEARN01/p1795780600000100' }],
        grouping: [{ objectType: 'Activity', id: 'https://acme.slack.com/archives/C0LEARN01' }],
      });
      expect([...((statement?.object as { definition: { name: { und: string } } }).definition.name.und)]).toHaveLength(120);
    });

    it('takes a slash command from a form body and refuses another command with a reply', async () => {
      const form = new URLSearchParams({ command: '/til', text: 'x', user_id: 'U1', trigger_id: 't1', team_id: 'T0ACME123' }).toString();
      const result = await dryRun(connector, signed(form, { type: 'application/x-www-form-urlencoded' }), context(), { verify: true, versions: ['1.0.3'] });
      expect(result.events).toEqual([]);
      expect(result.reply?.body).toMatchObject({ response_type: 'ephemeral', text: expect.stringMatching(/^I could not log that: the command \/til is not set up/) });
    });
  });
});

describe('parseCommandText', () => {
  it.each([
    ['30m Read the incident review', { ok: true, what: 'Read the incident review', duration: 'PT30M' }],
    ['1h Kubernetes', { ok: true, what: 'Kubernetes', duration: 'PT1H' }],
    ['1h30m Kubernetes', { ok: true, what: 'Kubernetes', duration: 'PT1H30M' }],
    ['2 hours 5 min Ørsted case', { ok: true, what: 'Ørsted case', duration: 'PT2H5M' }],
    ['90min Design review', { ok: true, what: 'Design review', duration: 'PT1H30M' }],
    ['Read the incident review', { ok: true, what: 'Read the incident review' }],
    ['3D printing basics', { ok: true, what: '3D printing basics' }],
    ['10 tips for reviews', { ok: true, what: '10 tips for reviews' }],
  ])('%s', (text, expected) => expect(parseCommandText(text)).toEqual(expected));

  it.each([
    ['', 'say what you learned'],
    ['help', 'say what you learned'],
    ['45m', 'say what you learned after the duration'],
    ['0m Nothing', 'a duration must be more than zero; leave it out if you do not know it'],
    ['300h Typo', 'a duration must be at most 24 hours'],
  ])('refuses %j', (text, problem) => expect(parseCommandText(text)).toEqual({ ok: false, problem }));
});
