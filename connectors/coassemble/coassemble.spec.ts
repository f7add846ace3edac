import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { configFor, inboundRequest, runSample, testContext } from '../../src/connector-sdk';
import { itMapsEverySample } from '../../src/connector-sdk/testing/sample-suite';
import { connector } from './index';

const baseConfig = {};
const SECRET = 'whsec_coassemble_3b7d91f0';
const now = new Date('2026-02-22T10:15:33Z');
const nowSeconds = Math.floor(now.getTime() / 1000);

const completed = (tracking: Record<string, unknown> = {}, course: Record<string, unknown> = {}) => ({
  id: '17fd9df8-c77a-4b7d-a281-267b74f8cbf3',
  type: 'course.completed',
  occurredAt: '2026-02-22T10:15:30.000Z',
  workspaceId: 1234,
  data: { course: { id: 4321, title: 'Security Basics', ...course }, tracking: { id: 8888, identifier: 'user_123', email: 'user@example.com', completed: '2026-02-22T10:15:30.000Z', totalTime: 870, ...tracking } },
});
const headersFor = (text: string, options: { secret?: string; timestamp?: number; drop?: string } = {}) => {
  const timestamp = String(options.timestamp ?? nowSeconds - 2);
  const headers: Record<string, string> = {
    'content-type': 'application/json',
    'x-coassemble-timestamp': timestamp,
    'x-coassemble-signature': `sha256=${createHmac('sha256', options.secret ?? SECRET).update(`${timestamp}.${text}`).digest('hex')}`,
  };
  if (options.drop) delete headers[options.drop];
  return headers;
};
const signed = (body: object, options: Parameters<typeof headersFor>[1] = {}) => {
  const text = JSON.stringify(body);
  return inboundRequest({ headers: headersFor(text, options), body: text });
};
const context = (secrets: string[] = [SECRET]) => testContext({ config: configFor(connector, baseConfig), secrets, now });

describe('coassemble', () => {
  itMapsEverySample(connector, join(__dirname, 'samples'), baseConfig, { versions: ['1.0.3', '2.0.0'] });

  describe('X-Coassemble-Signature: sha256=HMAC(secret, "<timestamp>.<raw body>")', () => {
    it('accepts a valid signature', async () => {
      expect(await connector.verify(signed(completed()), context())).toEqual({ ok: true });
    });
    it('refuses a wrong signature', async () => {
      expect(await connector.verify(signed(completed(), { secret: 'whsec_someone_else' }), context())).toMatchObject({ ok: false, reason: expect.stringContaining('does not match') });
    });
    it('refuses a missing signature or timestamp', async () => {
      expect(await connector.verify(signed(completed(), { drop: 'x-coassemble-signature' }), context())).toEqual({ ok: false, reason: 'missing X-Coassemble-Signature' });
      expect(await connector.verify(signed(completed(), { drop: 'x-coassemble-timestamp' }), context())).toEqual({ ok: false, reason: 'X-Coassemble-Timestamp: missing request timestamp' });
    });
    it('refuses a stale timestamp, and a signature moved onto another timestamp', async () => {
      expect(await connector.verify(signed(completed(), { timestamp: nowSeconds - 301 }), context())).toMatchObject({ ok: false, reason: expect.stringContaining('limit 300 s') });
      const request = signed(completed(), { timestamp: nowSeconds - 10 });
      const moved = { ...request, headers: { ...request.headers, 'x-coassemble-timestamp': String(nowSeconds - 5) } };
      expect(await connector.verify(moved, context())).toMatchObject({ ok: false, reason: expect.stringContaining('does not match') });
    });
    it('refuses a tampered body', async () => {
      const request = signed(completed());
      const tampered = { ...request, rawBody: Buffer.from(JSON.stringify(completed({ identifier: 'user_999' }))) };
      expect(await connector.verify(tampered, context())).toMatchObject({ ok: false });
    });
    it('accepts the old and the new secret during a rotation, and nothing without one', async () => {
      const rotating = context(['whsec_new_secret_000', SECRET]);
      expect(await connector.verify(signed(completed()), rotating)).toEqual({ ok: true });
      expect(await connector.verify(signed(completed(), { secret: 'whsec_new_secret_000' }), rotating)).toEqual({ ok: true });
      expect(await connector.verify(signed(completed()), context([]))).toMatchObject({ ok: false, reason: expect.stringContaining('no signing secret') });
    });
  });

  it('keys an event by its id, so a redelivery is a duplicate; falls back to X-Coassemble-Delivery', async () => {
    const key = async (body: object, delivery?: string) => {
      const text = JSON.stringify(body);
      const headers = { ...headersFor(text), ...(delivery ? { 'x-coassemble-delivery': delivery } : {}) };
      return ((await connector.split(inboundRequest({ headers, body: text }), context())) as { key: string }[])[0].key;
    };
    expect(await key(completed(), 'delivery-1')).toBe(await key(completed(), 'delivery-2'));
    const { id: _id, ...withoutId } = completed();
    expect(await key(withoutId, 'delivery-3')).toBe('delivery-3');
    await expect(key(withoutId)).rejects.toMatchObject({ status: 422 });
  });

  it('maps with optional fields absent (no title, no time tracked, no e-mail)', async () => {
    const body = completed({ email: undefined, totalTime: undefined }, { title: undefined });
    const result = await runSample(connector, { description: 'minimal', verify: false, request: { body }, expected: {} }, baseConfig);
    expect(result.events[0]).toMatchObject({ invalid: [], statements: [{ actor: { account: { homePage: 'https://app.coassemble.com', name: 'user_123' } }, result: { completion: true } }] });
    expect(result.events[0].statements[0].result).not.toHaveProperty('duration');
    expect(result.events[0].statements[0].object).toEqual({ objectType: 'Activity', id: 'https://app.coassemble.com/courses/4321', definition: { type: 'http://adlnet.gov/expapi/activities/course' } });
    expect(result.events[0].people).toBeUndefined();
  });

  it('keeps unicode titles and long identifiers intact and valid', async () => {
    const longId = `learner-${'x'.repeat(200)}`;
    const body = completed({ identifier: longId }, { id: '9'.repeat(30), title: 'Ciberseguridad — サイバー安全 🔐' });
    const result = await runSample(connector, { description: 'unicode', verify: false, request: { body }, expected: {} }, baseConfig, { versions: ['1.0.3', '2.0.0'] });
    expect(result.events[0].invalid).toEqual([]);
    expect(result.events[0].statements[0]).toMatchObject({
      actor: { account: { name: longId } },
      object: { id: `https://app.coassemble.com/courses/${'9'.repeat(30)}`, definition: { name: { und: 'Ciberseguridad — サイバー安全 🔐' } } },
    });
  });

  it('says why when the learner is unknown', async () => {
    const result = await runSample(connector, { description: 'no learner', verify: false, request: { body: completed({ identifier: null, email: 'not-an-email' }) }, expected: {} }, baseConfig);
    expect(result.events[0].error).toBe('course.completed has neither tracking.identifier nor tracking.email: the learner is unknown');
  });
});
