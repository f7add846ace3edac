import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { configFor, inboundRequest, loadSamples, splitResultOf, testContext } from '../../src/connector-sdk';
import { itMapsEverySample } from '../../src/connector-sdk/testing/sample-suite';
import { connector } from './index';

const baseConfig = { companyDomain: 'acme' };
const NOW = new Date('2026-11-27T12:00:00Z');
const SECRET = 'bamboohr-private-key-current-0123';
const OLD = 'bamboohr-private-key-previous-0123';
const samples = loadSamples(join(__dirname, 'samples'));

function signed(body: string, options: { secret?: string; timestamp?: string } = {}) {
  const timestamp = options.timestamp ?? '2026-11-27T11:59:58+0000';
  const signature = createHmac('sha256', options.secret ?? SECRET).update(body + timestamp).digest('hex');
  return inboundRequest({ headers: { 'content-type': 'application/json', 'x-bamboohr-timestamp': timestamp, 'x-bamboohr-signature': signature }, body, receivedAt: NOW });
}
const context = (config: Record<string, unknown> = baseConfig, secrets = [SECRET, OLD]) =>
  testContext({ instanceId: 'bamboohr-acme', config: configFor(connector, config), now: NOW, secrets });
const training = (fields: Record<string, string> = {}) =>
  JSON.stringify({
    employees: [
      { action: 'Updated', id: '4711', timestamp: '2026-11-27T11:59:30+0000', fields: { trainingTypeId: '12', trainingCompleted: '2026-11-20', 'Work Email': 'ana@acme.example', ...fields } },
    ],
  });

describe('bamboohr', () => {
  itMapsEverySample(connector, samples, baseConfig);

  describe('signature: hex HMAC-SHA256 of body + X-BambooHR-Timestamp', () => {
    const body = training();
    it('accepts the current and the previous key, refuses another', async () => {
      expect(await connector.verify(signed(body), context())).toEqual({ ok: true });
      expect(await connector.verify(signed(body, { secret: OLD }), context())).toEqual({ ok: true });
      expect(await connector.verify(signed(body, { secret: OLD }), context(baseConfig, [SECRET]))).toMatchObject({ ok: false });
    });

    it('signs the timestamp too: a signature moved to another timestamp fails', async () => {
      const request = signed(body);
      const moved = { ...request, headers: { ...request.headers, 'x-bamboohr-timestamp': '2026-11-27T11:59:59+0000' } };
      expect(await connector.verify(moved, context())).toMatchObject({ ok: false, reason: expect.stringMatching(/does not match/) });
    });

    it('refuses a stale or unreadable timestamp, a missing one, and any request when no key is configured', async () => {
      expect(await connector.verify(signed(body, { timestamp: String(NOW.getTime() / 1000 - 301) }), context())).toMatchObject({ ok: false, reason: expect.stringMatching(/301 s/) });
      expect(await connector.verify(signed(body, { timestamp: 'yesterday' }), context())).toMatchObject({ ok: false, reason: expect.stringMatching(/neither Unix seconds/) });
      const { 'x-bamboohr-timestamp': _t, ...noTimestamp } = signed(body).headers;
      expect(await connector.verify({ ...signed(body), headers: noTimestamp }, context())).toEqual({ ok: false, reason: 'missing X-BambooHR-Timestamp header' });
      expect(await connector.verify(signed(body), context(baseConfig, []))).toMatchObject({ ok: false, reason: expect.stringMatching(/no BambooHR private key/) });
    });
  });

  describe('dedupe', () => {
    it('gives a re-sent delivery the same event keys', async () => {
      expect(await connector.split(signed(training()), context())).toEqual(await connector.split(signed(training(), { timestamp: String(NOW.getTime() / 1000) }), context()));
    });

    it('keeps one statement id for a training record however often BambooHR posts it again', async () => {
      const map = async (body: string) => {
        const [event] = splitResultOf(await connector.split(signed(body), context())).events;
        return { key: event.key, outcome: await connector.map({ key: event.key, body: JSON.parse(JSON.stringify(event.body)), receivedAt: NOW.toISOString() }, context()) };
      };
      const first = await map(training({ trainingRecordId: '881' }));
      const later = await map(training({ trainingRecordId: '881', Department: 'Platform' }));
      expect(later.key).not.toBe(first.key);
      const idOf = (o: typeof first) => (o.outcome.kind === 'statements' ? o.outcome.statements[0].statement.id : undefined);
      expect(idOf(later)).toBeDefined();
      expect(idOf(later)).toBe(idOf(first));
    });
  });

  it('refuses a body that is not a Field-Based payload, and the Form Post encoding', async () => {
    await expect(async () => connector.split(signed('{"hello":1}'), context())).rejects.toMatchObject({ status: 422 });
    const form = inboundRequest({ headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'employees[1][First Name]=Ana' });
    await expect(async () => connector.split(form, context())).rejects.toMatchObject({ status: 415, message: expect.stringMatching(/JSON/) });
  });

  it('says which fieldNames entry is not a field it reads', () => {
    const config = configFor(connector, { ...baseConfig, fieldNames: { trainingCompleted: 'Date completed', completedOn: 'x' } });
    expect(connector.checkConfig!(config, { check: () => undefined })).toEqual([{ path: 'fieldNames.completedOn', reason: expect.stringMatching(/^is not a field this connector reads/) }]);
  });

  it('fails a record with an unreadable date or hours instead of guessing', async () => {
    const outcome = async (fields: Record<string, string>) =>
      connector.map({ key: 'k', body: { kind: 'employee', ...JSON.parse(training(fields)).employees[0] }, receivedAt: NOW.toISOString() }, context());
    await expect(outcome({ trainingCompleted: '20/11/2026' })).rejects.toThrow(/"20\/11\/2026" is not a date/);
    await expect(outcome({ trainingHours: 'two' })).rejects.toThrow(/"two" are not a number/);
  });
});
