import { Writable } from 'node:stream';
import type { FastifyRequest } from 'fastify';
import { createPinoLogger, HubLogger } from '../observability/hub-logger';
import { HubMetrics } from '../observability/hub-metrics';
import { isHookRoute, recordHookOutcome } from './hook-outcome';

function sinks() {
  const lines: Record<string, unknown>[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
      done();
    },
  });
  const metrics = new HubMetrics();
  return { lines, metrics, sinks: { metrics, logger: new HubLogger(createPinoLogger('info', stream)), isKnown: (id: string) => id === 'demo' } };
}

const request = (instance: string, hookOutcome?: FastifyRequest['hookOutcome']) => ({ params: { instance }, hookOutcome }) as unknown as FastifyRequest;
const value = async (metrics: HubMetrics, name: string, labels: Record<string, string>) =>
  (await metrics.registry.getSingleMetric(name)!.get()).values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l))?.value;

describe('recordHookOutcome', () => {
  it('logs one line per accepted request with its event ids, and counts it received and accepted', async () => {
    const { lines, metrics, sinks: s } = sinks();
    recordHookOutcome(s, request('demo', { events: [{ eventKey: 'k', eventId: 'id-1', duplicate: true }] }), 202);
    expect(lines).toEqual([expect.objectContaining({ msg: 'webhook', instance: 'demo', status: 202, eventIds: ['id-1'] })]);
    expect(lines[0]).not.toHaveProperty('reason');
    expect(await value(metrics, 'hub_events_received_total', { instance: 'demo' })).toBe(1);
    expect(await value(metrics, 'hub_events_accepted_total', { instance: 'demo', duplicate: 'true' })).toBe(1);
  });

  it('logs the reason of a refusal, and names a 413 Fastify answered before the route', async () => {
    const { lines, metrics, sinks: s } = sinks();
    recordHookOutcome(s, request('demo', { reason: 'request not verified: signature does not match' }), 401);
    recordHookOutcome(s, request('demo'), 413);
    expect(lines).toEqual([
      expect.objectContaining({ level: 40, status: 401, reason: 'request not verified: signature does not match', eventIds: [] }),
      expect.objectContaining({ status: 413, reason: 'the body is larger than limits.bodyLimitBytes' }),
    ]);
    expect(await value(metrics, 'hub_events_rejected_total', { instance: 'demo', reason: '401' })).toBe(1);
    expect(await value(metrics, 'hub_events_rejected_total', { instance: 'demo', reason: '413' })).toBe(1);
    expect(await value(metrics, 'hub_events_received_total', { instance: 'demo' })).toBe(2);
  });

  it('logs an unknown instance but makes no metric series for it', async () => {
    const { lines, metrics, sinks: s } = sinks();
    recordHookOutcome(s, request('anything-a-caller-types', { reason: 'no connector instance' }), 404);
    expect(lines).toHaveLength(1);
    expect(await metrics.registry.metrics()).not.toMatch(/anything-a-caller-types/);
  });
});

describe('isHookRoute', () => {
  it('is the hook and the sub-paths under it, nothing else', () => {
    expect(isHookRoute('/hooks/:instance')).toBe(true);
    expect(isHookRoute('/hooks/:instance/xapi/statements')).toBe(true);
    expect(isHookRoute('/hooks/:instance/oauth/token')).toBe(true);
    expect(isHookRoute('/admin/api/instances/:id/upload')).toBe(false);
    expect(isHookRoute('/hooks/:instancex')).toBe(false);
    expect(isHookRoute(undefined)).toBe(false);
  });
});
