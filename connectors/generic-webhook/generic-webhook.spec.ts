import { createHmac } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseHubConfig } from '../../src/config/load-hub-config';
import type { InboundRequest } from '../../src/connector-sdk/connector';
import { JsonataSandbox } from '../../src/connector-sdk/jsonata';
import { validateStatement } from '../../src/xapi/validation';
import type { GenericWebhookConfig } from './config';
import { connector } from './index';

/** The shipped example's demo instance: its mapping is what these samples prove. */
const demo = parseHubConfig(readFileSync(resolve(__dirname, '../../config/hub.example.yaml'), 'utf8'), 'example', {}).instances[0];
const config = demo.config as unknown as GenericWebhookConfig;
const samplesDir = join(__dirname, 'samples');
const samples = readdirSync(samplesDir).filter((f) => f.endsWith('.json') && !f.endsWith('.expected.json'));

const request = (body: string, headers: Record<string, string> = {}): InboundRequest => ({
  headers,
  rawBody: Buffer.from(body),
  body: JSON.parse(body),
  query: {},
  receivedAt: new Date('2026-11-27T12:00:00Z'),
});

describe('generic-webhook', () => {
  const sandbox = new JsonataSandbox();
  const context = { instanceId: 'demo', config, expressions: sandbox };
  afterAll(() => sandbox.close());

  it.each(samples)('maps %s to its expected statements, valid xAPI', async (file) => {
    const body = JSON.parse(readFileSync(join(samplesDir, file), 'utf8'));
    const expected = JSON.parse(readFileSync(join(samplesDir, file.replace('.json', '.expected.json')), 'utf8'));
    const statements = await connector.toStatements(body, { ...context, eventKey: body.id, receivedAt: '2026-11-27T12:00:00Z' });
    expect(statements).toEqual(expected);
    for (const statement of statements) expect(validateStatement(statement, '1.0.3')).toEqual([]);
  });

  it('takes the event key from the configured expression, or hashes the body', async () => {
    const body = readFileSync(join(samplesDir, 'course-completed.json'), 'utf8');
    expect(await connector.eventKey(JSON.parse(body), request(body), context)).toBe('evt-1');
    const hashed = await connector.eventKey(JSON.parse(body), request(body), { ...context, config: { mapping: config.mapping } });
    expect(hashed).toMatch(/^[0-9a-f]{64}$/);
  });

  it('verifies the HMAC of the raw body when a secret is set', () => {
    const secret = 'sixteen-chars-or-more';
    const body = '{"id":"evt-1"}';
    const signed = { ...config, secret };
    const signature = `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
    expect(connector.verify(request(body, { 'x-hub-signature-256': signature }), signed)).toEqual({ ok: true });
    expect(connector.verify(request(`${body} `, { 'x-hub-signature-256': signature }), signed).ok).toBe(false);
    expect(connector.verify(request(body), config)).toEqual({ ok: true });
  });

  it('maps to nothing when the expression gives nothing, and refuses non-objects', async () => {
    const mapping = { ...context, eventKey: 'k', receivedAt: '' };
    expect(await connector.toStatements({}, { ...mapping, config: { mapping: 'nothing.here' } })).toEqual([]);
    await expect(connector.toStatements({}, { ...mapping, config: { mapping: '[{"a": 1}, "text"]' } })).rejects.toThrow(
      /gave a string at position 1/,
    );
  });
});
