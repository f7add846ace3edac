import { generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { join } from 'node:path';
import { configFor, inboundRequest, runSample, testContext } from '../../src/connector-sdk';
import { canvasEventKey, localId, readCanvasEvent } from './canvas.event';
import { itMapsEverySample } from '../../src/connector-sdk/testing/sample-suite';
import { connector } from './index';

const baseConfig = { baseUrl: 'https://acme.instructure.com' };
const JWKS_URL = 'https://live-events-keys.example/production/jwks';
const now = new Date('2025-11-27T12:00:00Z');
const nowSeconds = now.getTime() / 1000;

const keyPair = (kid: string) => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } };
};
const november = keyPair('2025-11');
const december = keyPair('2025-12');
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: object, key: KeyObject, kid: string) => {
  const head = b64({ alg: 'RS256', typ: 'JWT', kid });
  const body = b64(claims);
  return `${head}.${body}.${sign('RSA-SHA256', Buffer.from(`${head}.${body}`), key).toString('base64url')}`;
};

const gradeChange = (body: Record<string, unknown> = {}, metadata: Record<string, unknown> = {}) => ({
  metadata: { event_name: 'grade_change', event_time: '2025-11-27T11:59:58.000Z', context_type: 'Course', context_id: '21070000000000565', user_id: '21070000000000987', ...metadata },
  body: { assignment_id: '355', submission_id: '11086', student_id: '48', user_id: '48', grader_id: '987', score: 7, points_possible: 10, ...body },
});

const signedContext = (jwks: object, state: Record<string, unknown> = {}) =>
  testContext({ config: configFor(connector, { ...baseConfig, jwksUrl: JWKS_URL }), now, http: [{ url: JWKS_URL, body: jwks }], state });

describe('canvas', () => {
  itMapsEverySample(connector, join(__dirname, 'samples'), baseConfig, { versions: ['1.0.3', '2.0.0'] });

  describe('signed payloads (JWT RS256, keys from the configured JWKS)', () => {
    const claims = { ...gradeChange(), iat: nowSeconds - 2, exp: nowSeconds + 300 };
    const request = (token: string) => inboundRequest({ headers: { 'content-type': 'application/jwt' }, body: token });

    it('accepts a valid token and caches the JWKS in the instance state', async () => {
      const context = signedContext({ keys: [november.jwk] });
      expect(await connector.verify(request(jwt(claims, november.privateKey, '2025-11')), context)).toEqual({ ok: true });
      expect(await context.state.get('jwks')).toEqual({ fetchedAt: now.toISOString(), jwks: { keys: [november.jwk] } });
      // A second request is verified from the cache: no second fetch.
      await connector.verify(request(jwt(claims, november.privateKey, '2025-11')), context);
      expect(context.http.calls).toHaveLength(1);
    });

    it('refuses a token signed with the wrong key', async () => {
      const verdict = await connector.verify(request(jwt(claims, keyPair('2025-11').privateKey, '2025-11')), signedContext({ keys: [november.jwk] }));
      expect(verdict).toEqual({ ok: false, reason: 'the JWT signature does not verify with the JWKS key' });
    });

    it('refuses a missing signature: a plain JSON body when the instance takes signed payloads', async () => {
      const verdict = await connector.verify(inboundRequest({ body: gradeChange() }), signedContext({ keys: [november.jwk] }));
      expect(verdict).toMatchObject({ ok: false, reason: expect.stringContaining('signed payloads only') });
    });

    it('refuses a stale (expired) token', async () => {
      const stale = jwt({ ...claims, exp: nowSeconds - 3600 }, november.privateKey, '2025-11');
      expect(await connector.verify(request(stale), signedContext({ keys: [november.jwk] }))).toMatchObject({ ok: false, reason: expect.stringContaining('expired') });
    });

    it('refuses a tampered payload', async () => {
      const [head, , signature] = jwt(claims, november.privateKey, '2025-11').split('.');
      const forged = `${head}.${b64({ ...claims, body: { ...claims.body, score: 10 } })}.${signature}`;
      expect(await connector.verify(request(forged), signedContext({ keys: [november.jwk] }))).toMatchObject({ ok: false });
    });

    it('follows a key rotation: an unknown kid refetches the JWKS once, and old and new keys both verify', async () => {
      const context = signedContext({ keys: [november.jwk, december.jwk] }, { jwks: { fetchedAt: now.toISOString(), jwks: { keys: [november.jwk] } } });
      expect(await connector.verify(request(jwt(claims, december.privateKey, '2025-12')), context)).toEqual({ ok: true });
      expect(context.http.calls).toHaveLength(1);
      expect(await connector.verify(request(jwt(claims, november.privateKey, '2025-11')), context)).toEqual({ ok: true });
      expect(context.http.calls).toHaveLength(1);
    });

    it('says why when the JWKS cannot be fetched, instead of throwing', async () => {
      const context = testContext({ config: configFor(connector, { ...baseConfig, jwksUrl: JWKS_URL }), now });
      expect(await connector.verify(request(jwt(claims, november.privateKey, '2025-11')), context)).toMatchObject({
        ok: false,
        reason: expect.stringContaining('could not be fetched'),
      });
    });

    it('reads the event from the claims once verified', async () => {
      const [event] = (await connector.split(request(jwt(claims, november.privateKey, '2025-11')), signedContext({ keys: [] }))) as { key: string }[];
      expect(event.key).toBe('grade_change:11086:2025-11-27T11:59:58.000Z');
    });
  });

  describe('unsigned delivery', () => {
    const context = (secrets: string[]) => testContext({ config: configFor(connector, baseConfig), now, secrets });
    it('checks ?token= against the instance secrets (old and new during a rotation) when it has any', async () => {
      const rotating = context(['new-secret-0123456789', 'old-secret-0123456789']);
      const withToken = (token?: string) => inboundRequest({ body: gradeChange(), ...(token ? { query: { token } } : {}) });
      expect(await connector.verify(withToken('old-secret-0123456789'), rotating)).toEqual({ ok: true });
      expect(await connector.verify(withToken('new-secret-0123456789'), rotating)).toEqual({ ok: true });
      expect(await connector.verify(withToken('guessed-secret-000000'), rotating)).toMatchObject({ ok: false, reason: expect.stringContaining('does not match') });
      expect(await connector.verify(withToken(), rotating)).toMatchObject({ ok: false, reason: expect.stringContaining('missing ?token=') });
    });
    it('accepts plain JSON when the instance has neither JWKS nor secret (README: only behind a private network)', async () => {
      expect(await connector.verify(inboundRequest({ body: gradeChange() }), context([]))).toEqual({ ok: true });
    });
  });

  it('keys a redelivery the same and a re-grade differently', () => {
    const key = (body: object) => canvasEventKey(readCanvasEvent(body));
    expect(key(gradeChange())).toBe(key(gradeChange({}, { request_id: 'other-delivery' })));
    expect(key(gradeChange())).not.toBe(key(gradeChange({ score: 9 }, { event_time: '2025-11-28T09:00:00Z' })));
  });

  it('reduces global Canvas ids to the local ids its URLs use', () => {
    expect(localId('21070000000000565')).toBe('565');
    expect(localId(565)).toBe('565');
    expect(localId('565')).toBe('565');
    expect(localId('10000000000000')).toBeUndefined();
    expect(localId('abc')).toBeUndefined();
    expect(localId('1'.repeat(25))).toBe('1'.repeat(25));
  });

  it('refuses a body that is not a Canvas Live Event with a 422 saying what is missing', async () => {
    await expect(Promise.resolve().then(() => connector.split(inboundRequest({ body: { event: 'x' } }), testContext({ config: configFor(connector, baseConfig) })))).rejects.toMatchObject({
      status: 422,
      details: ['metadata is missing', 'metadata.event_name is missing', 'body is missing'],
    });
  });

  it('says why a course_progress without requirements cannot be a progress', async () => {
    const body = { metadata: { event_name: 'course_progress', event_time: '2025-11-27T10:00:00Z' }, body: { course: { id: '5' }, user: { id: '7' }, progress: { requirement_count: 0, requirement_completed_count: 0 } } };
    const result = await runSample(connector, { description: 'no requirements', request: { body }, expected: {} }, baseConfig);
    expect(result.events[0].error).toBe('course_progress has 0 of 0 requirements met: not a progress');
  });

  it('maps with optional fields absent, unicode names and long ids, all valid', async () => {
    const longId = '4'.repeat(40);
    const result = await runSample(
      connector,
      {
        description: 'minimal course_completed',
        request: {
          body: {
            metadata: { event_name: 'course_completed', event_time: '2025-11-27T10:00:00Z' },
            body: { course: { id: longId, name: 'Sécurité — 安全 101 🔥' }, user: { id: longId, name: 'Zoë Ångström-李' } },
          },
        },
        expected: {},
      },
      baseConfig,
      { versions: ['1.0.3', '2.0.0'] },
    );
    const [event] = result.events;
    expect(event.invalid).toEqual([]);
    expect(event.people).toBeUndefined(); // no e-mail, no hint
    expect(event.statements[0]).toMatchObject({
      actor: { account: { name: longId }, name: 'Zoë Ångström-李' },
      object: { id: `https://acme.instructure.com/courses/${longId}`, definition: { name: { und: 'Sécurité — 安全 101 🔥' } } },
      timestamp: '2025-11-27T10:00:00.000Z',
    });
  });
});
