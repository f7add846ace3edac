import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { configFor, inboundRequest, runSample, testContext } from '../../src/connector-sdk';
import { itMapsEverySample } from '../../src/connector-sdk/testing/sample-suite';
import { connector } from './index';

const baseConfig = { siteUrl: 'https://acme.thinkific.com' };
const KEY = 'thinkific-api-key-5f1c2a9e';

const completed = (overrides: Record<string, unknown> = {}, user: Record<string, unknown> = {}) => ({
  id: '20251127100000000000001',
  resource: 'enrollment',
  action: 'completed',
  created_at: '2025-11-27T10:00:00.512Z',
  payload: { completed_at: '2025-11-27T09:59:58.000Z', course: { id: 68, name: 'Forklift Safety' }, user: { id: 94, email: 'maria@acme.example', ...user }, ...overrides },
});
const signed = (body: object | string, key = KEY) => {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return inboundRequest({ headers: { 'content-type': 'application/json', 'x-thinkific-hmac-sha256': createHmac('sha256', key).update(text).digest('hex') }, body: text });
};
const context = (secrets: string[] = [KEY]) => testContext({ config: configFor(connector, baseConfig), secrets });

describe('thinkific', () => {
  itMapsEverySample(connector, join(__dirname, 'samples'), baseConfig, { versions: ['1.0.3', '2.0.0'] });

  describe('X-Thinkific-Hmac-Sha256 (hex HMAC-SHA256 of the raw body, keyed on the API key)', () => {
    it('accepts a valid signature', async () => {
      expect(await connector.verify(signed(completed()), context())).toEqual({ ok: true });
    });
    it('refuses a wrong signature', async () => {
      expect(await connector.verify(signed(completed(), 'not-the-key'), context())).toMatchObject({ ok: false, reason: expect.stringContaining('does not match') });
    });
    it('refuses a missing signature', async () => {
      expect(await connector.verify(inboundRequest({ body: completed() }), context())).toEqual({ ok: false, reason: 'missing X-Thinkific-Hmac-Sha256' });
    });
    it('refuses a tampered body', async () => {
      const request = signed(completed());
      const tampered = { ...request, rawBody: Buffer.from(JSON.stringify(completed({}, { id: 95 }))) };
      expect(await connector.verify(tampered, context())).toMatchObject({ ok: false });
    });
    it('accepts the old and the new key during a rotation, and nothing when none is configured', async () => {
      const rotating = context(['thinkific-api-key-new', KEY]);
      expect(await connector.verify(signed(completed()), rotating)).toEqual({ ok: true });
      expect(await connector.verify(signed(completed(), 'thinkific-api-key-new'), rotating)).toEqual({ ok: true });
      expect(await connector.verify(signed(completed()), context([]))).toMatchObject({ ok: false, reason: expect.stringContaining('no signing key') });
    });
    it('has no timestamp in the scheme, so no staleness check: a redelivery is caught by its event id instead', async () => {
      const [first] = (await connector.split(signed(completed()), context())) as { key: string }[];
      const [again] = (await connector.split(signed(completed()), context())) as { key: string }[];
      expect(first.key).toBe(again.key);
    });
  });

  it('refuses a body that is not a Thinkific webhook with a 422 saying what is missing', async () => {
    await expect(Promise.resolve().then(() => connector.split(signed({ hello: 1 }), context()))).rejects.toMatchObject({
      status: 422,
      details: ['id is missing', 'resource is missing', 'action is missing', 'payload is missing'],
    });
  });

  it('maps with optional fields absent (no names, no e-mail, course only by course_id, no completed_at)', async () => {
    const body = { id: 'evt-9', resource: 'enrollment', action: 'completed', created_at: '2025-11-27T10:00:00Z', payload: { course_id: 68, user: { id: 94 } } };
    const text = JSON.stringify(body);
    const headers = { 'content-type': 'application/json', 'x-thinkific-hmac-sha256': createHmac('sha256', KEY).update(text).digest('hex') };
    const result = await runSample(connector, { description: 'minimal', secrets: [KEY], request: { headers, body: text }, expected: {} }, baseConfig);
    expect(result.verified).toEqual({ ok: true });
    expect(result.events[0]).toMatchObject({ invalid: [], statements: [{ actor: { account: { name: '94' } }, object: { id: 'https://acme.thinkific.com/manage/courses/68' }, timestamp: '2025-11-27T10:00:00.000Z' }] });
    expect(result.events[0].people).toBeUndefined();
    expect(result.events[0].statements[0].actor).not.toHaveProperty('name');
  });

  it('keeps unicode names and long ids intact and valid', async () => {
    const longId = '7'.repeat(48);
    const body = completed({ course: { id: longId, name: '安全第一 — Sécurité 🔥' } }, { id: longId, first_name: 'Zoë', last_name: 'Ångström-李' });
    const result = await runSample(connector, { description: 'unicode', secrets: [KEY], request: { headers: {}, body: JSON.stringify(body) }, verify: false, expected: {} }, baseConfig, {
      versions: ['1.0.3', '2.0.0'],
    });
    expect(result.events[0].invalid).toEqual([]);
    expect(result.events[0].statements[0]).toMatchObject({
      actor: { account: { name: longId }, name: 'Zoë Ångström-李' },
      object: { id: `https://acme.thinkific.com/manage/courses/${longId}`, definition: { name: { und: '安全第一 — Sécurité 🔥' } } },
    });
  });

  it('says why a progress event cannot be mapped when its percent is not one', async () => {
    const body = { ...completed({ percentage_completed: 'n/a' }), action: 'progress' };
    const result = await runSample(connector, { description: 'bad percent', verify: false, request: { body }, expected: {} }, baseConfig);
    expect(result.events[0].error).toBe('percentage_completed "n/a" is not a percent (0–100)');
  });
});
