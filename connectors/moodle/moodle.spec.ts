import { join } from 'node:path';
import { configFor, dryRun, inboundRequest, runSample, testContext } from '../../src/connector-sdk';
import { itMapsEverySample } from '../../src/connector-sdk/testing/sample-suite';
import { connector } from './index';
import { moodleEventKey, readMoodleEvent } from './moodle.event';

const baseConfig = { baseUrl: 'https://moodle.acme.example' };
const TOKEN = 'lw-token-7f3a9c2e1b';

const completion = (overrides: Record<string, unknown> = {}) => ({
  eventname: '\\core\\event\\course_completed',
  component: 'core',
  objectid: '31',
  contextinstanceid: '7',
  userid: '2',
  courseid: '7',
  relateduserid: '15',
  other: { relateduserid: '15' },
  timecreated: 1764237600,
  host: 'moodle.acme.example',
  token: TOKEN,
  extra: '',
  ...overrides,
});

const context = (secrets: string[] = [TOKEN], config: Record<string, unknown> = baseConfig) =>
  testContext({ instanceId: 'moodle-test', config: configFor(connector, config), secrets, now: new Date('2025-11-27T10:00:05Z') });

describe('moodle', () => {
  itMapsEverySample(connector, join(__dirname, 'samples'), baseConfig, { versions: ['1.0.3', '2.0.0'] });

  describe('verifies the local_webhooks token in the body', () => {
    const verify = (body: unknown, secrets?: string[]) => connector.verify(inboundRequest({ body: body as object }), context(secrets));

    it('accepts the configured token', async () => {
      expect(await verify(completion())).toEqual({ ok: true });
    });
    it('refuses a wrong token', async () => {
      expect(await verify(completion({ token: 'lw-token-7f3a9c2e1c' }))).toMatchObject({ ok: false, reason: expect.stringContaining('does not match') });
    });
    it('refuses a body without a token, or with an empty one', async () => {
      const { token: _t, ...bare } = completion();
      expect(await verify(bare)).toMatchObject({ ok: false, reason: expect.stringContaining('no "token"') });
      expect(await verify(completion({ token: '' }))).toMatchObject({ ok: false });
    });
    it('refuses everything while the instance has no secret', async () => {
      expect(await verify(completion(), [])).toMatchObject({ ok: false, reason: expect.stringContaining('no token is configured') });
    });
    it('refuses a body that is not JSON instead of throwing', async () => {
      expect(await connector.verify(inboundRequest({ body: 'token=x' }), context())).toMatchObject({ ok: false, reason: expect.stringContaining('not JSON') });
    });
    it('accepts the old and the new token during a rotation', async () => {
      const rotating = ['lw-token-new-000000', TOKEN];
      expect(await verify(completion(), rotating)).toEqual({ ok: true });
      expect(await verify(completion({ token: 'lw-token-new-000000' }), rotating)).toEqual({ ok: true });
      expect(await verify(completion({ token: 'lw-token-retired-00' }), rotating)).toMatchObject({ ok: false });
    });
    it('has no timestamp in its scheme, so a tampered body with the right token still passes: the README says so', async () => {
      // local_webhooks signs nothing: the token authenticates the sender, not the body. HTTPS protects the body.
      expect(await verify(completion({ relateduserid: '16' }))).toEqual({ ok: true });
    });
  });

  it('never stores the token: the inbox body has it removed', async () => {
    const [event] = (await connector.split(inboundRequest({ body: completion() }), context())) as { key: string; body: Record<string, unknown> }[];
    expect(event.body).not.toHaveProperty('token');
    expect(event.body.eventname).toBe('\\core\\event\\course_completed');
  });

  it('gives the same event the same key, and another completion another key', () => {
    const key = (body: object) => moodleEventKey(readMoodleEvent(body));
    expect(key(completion())).toBe(key(completion({ token: 'other', host: 'x' })));
    expect(key(completion())).not.toBe(key(completion({ timecreated: 1764237601 })));
    expect(key(completion())).not.toBe(key(completion({ relateduserid: '16' })));
    expect(key(completion({ id: 991 }))).toBe('moodle:991');
  });

  it('refuses a body that is not a Moodle event with a 422 naming what is missing', async () => {
    await expect(Promise.resolve().then(() => connector.split(inboundRequest({ body: { token: TOKEN } }), context()))).rejects.toMatchObject({
      status: 422,
      details: ['eventname is missing', 'timecreated must be a Unix time in seconds'],
    });
  });

  it('maps a completion with optional fields absent (no other, no component, numeric ids)', async () => {
    const result = await dryRun(
      connector,
      inboundRequest({ body: { eventname: '\\core\\event\\course_completed', courseid: 7, relateduserid: 15, timecreated: 1764237600, token: TOKEN } }),
      context(),
      { verify: true, versions: ['1.0.3', '2.0.0'] },
    );
    expect(result.events[0]).toMatchObject({ invalid: [], statements: [{ actor: { account: { name: '15' } }, object: { id: 'https://moodle.acme.example/course/view.php?id=7' } }] });
  });

  it('says why when the learner is unknown', async () => {
    const result = await dryRun(connector, inboundRequest({ body: completion({ relateduserid: null, other: null }) }), context(), { verify: true, versions: ['1.0.3'] });
    expect(result.events[0].error).toMatch(/no relateduserid/);
  });

  it('keeps long ids and unicode module names intact and valid', async () => {
    const longId = '9'.repeat(60);
    const result = await runSample(
      connector,
      {
        description: 'long ids, unicode name',
        config: { webServiceToken: 'ws-token-0123456789' },
        secrets: [TOKEN],
        request: {
          body: completion({
            eventname: '\\core\\event\\course_module_completion_updated',
            contextinstanceid: longId,
            courseid: longId,
            relateduserid: longId,
            other: { completionstate: 1 },
          }),
        },
        http: [
          {
            url: `https://moodle.acme.example/webservice/rest/server.php?wstoken=ws-token-0123456789&wsfunction=core_course_get_course_module&moodlewsrestformat=json&cmid=${longId}`,
            body: { cm: { modname: 'scorm', name: 'Sécurité incendie — 火災安全 🔥' } },
          },
        ],
        expected: {},
      },
      baseConfig,
      { versions: ['1.0.3', '2.0.0'] },
    );
    expect(result.events[0].invalid).toEqual([]);
    expect(result.events[0].statements[0]).toMatchObject({
      actor: { account: { name: longId } },
      object: { id: `https://moodle.acme.example/mod/scorm/view.php?id=${longId}`, definition: { name: { und: 'Sécurité incendie — 火災安全 🔥' } } },
    });
    // The module's type is cached: a second completion of it asks Moodle nothing.
    expect(await result.context.state.get(`cm:${longId}`)).toEqual({ modname: 'scorm', name: 'Sécurité incendie — 火災安全 🔥' });
  });

  it('retries (plain error, not a mapping error) when the web service answers with an exception', async () => {
    const result = runSample(
      connector,
      {
        description: 'invalid token',
        config: { webServiceToken: 'ws-token-expired-000' },
        secrets: [TOKEN],
        request: { body: completion({ eventname: '\\core\\event\\course_module_completion_updated', contextinstanceid: '42', other: { completionstate: 1 } }) },
        http: [{ url: 'https://moodle.acme.example/webservice/rest/server.php*', body: { exception: 'moodle_exception', errorcode: 'invalidtoken', message: 'Invalid token - token not found' } }],
        expected: {},
      },
      baseConfig,
    );
    await expect(result).rejects.toThrow(/core_course_get_course_module failed: invalidtoken/);
  });
});
