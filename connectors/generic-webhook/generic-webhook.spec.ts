import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHubConfig } from '../../src/config/load-hub-config';
import { configFor, inboundRequest, testContext } from '../../src/connector-sdk';
import { JsonataSandbox } from '../../src/connector-host/jsonata';
import { itMapsEverySample } from '../../src/connector-sdk/testing/sample-suite';
import { connector } from './index';

/** The shipped example's demo instance: its mapping is what these samples prove. */
const demo = parseHubConfig(readFileSync(resolve(__dirname, '../../config/hub.example.yaml'), 'utf8'), 'example', {}).instances[0];
const baseConfig = demo.config as Record<string, unknown>;

describe('generic-webhook', () => {
  const sandbox = new JsonataSandbox();
  afterAll(() => sandbox.close());
  const context = (config: Record<string, unknown> = baseConfig, secrets: string[] = []) =>
    testContext({ instanceId: 'demo', config: configFor(connector, config), secrets, expressions: sandbox });

  itMapsEverySample(connector, join(__dirname, 'samples'), baseConfig, { expressions: sandbox });

  it('takes the event key from the configured expression, or hashes the body', async () => {
    const body = '{"id":"evt-1","email":"ana@example.org"}';
    const request = inboundRequest({ headers: { 'content-type': 'application/json' }, body });
    expect(await connector.split(request, context())).toEqual([{ key: 'evt-1', body: JSON.parse(body) }]);
    const hashed = await connector.split(request, context({ mapping: baseConfig.mapping }));
    expect(hashed).toEqual([{ key: expect.stringMatching(/^[0-9a-f]{64}$/), body: JSON.parse(body) }]);
  });

  it('refuses a body that is not JSON (415) or a key expression that gives nothing (422)', async () => {
    await expect(connector.split(inboundRequest({ headers: { 'content-type': 'text/plain' }, body: 'hi' }), context())).rejects.toMatchObject({
      status: 415,
    });
    await expect(connector.split(inboundRequest({ body: { other: 1 } }), context())).rejects.toMatchObject({ status: 422 });
  });

  it('verifies the HMAC of the raw body against the config secret or any active instance secret', async () => {
    const body = '{"id":"evt-1"}';
    const sign = (secret: string) => ({ 'x-hub-signature-256': `sha256=${createHmac('sha256', secret).update(body).digest('hex')}` });
    const secret = 'sixteen-chars-or-more';
    const signed = context({ ...baseConfig, secret });
    expect(await connector.verify(inboundRequest({ headers: sign(secret), body }), signed)).toEqual({ ok: true });
    expect((await connector.verify(inboundRequest({ headers: sign(secret), body: `${body} ` }), signed)).ok).toBe(false);
    expect(await connector.verify(inboundRequest({ body }), context())).toEqual({ ok: true });
    // Rotation: the old and the new secret both verify while both are active.
    const rotating = context(baseConfig, ['new-secret-0123456789', 'old-secret-0123456789']);
    expect(await connector.verify(inboundRequest({ headers: sign('old-secret-0123456789'), body }), rotating)).toEqual({ ok: true });
    expect(await connector.verify(inboundRequest({ headers: sign('new-secret-0123456789'), body }), rotating)).toEqual({ ok: true });
    expect((await connector.verify(inboundRequest({ headers: sign('another-secret-012345'), body }), rotating)).ok).toBe(false);
  });

  it('says why when the mapping gives nothing, and refuses non-objects', async () => {
    const event = { key: 'k', body: {}, receivedAt: '2026-11-27T12:00:00Z' };
    expect(await connector.map(event, context({ mapping: 'nothing.here' }))).toEqual({ kind: 'ignored', reason: 'the mapping gave nothing for this event' });
    await expect(connector.map(event, context({ mapping: '[{"a": 1}, "text"]' }))).rejects.toThrow(/gave a string at position 1/);
  });
});
