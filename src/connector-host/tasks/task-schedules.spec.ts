import type { Connector } from '../../connector-sdk/connector';
import type { ConnectorInstance } from '../connector-instances';
import { taskSchedules } from './task-schedules';

const connector = {
  id: 'feed',
  tasks: {
    poll: { everyMs: (config: { pollMs?: number }) => config.pollMs, run: async () => [] },
    renew: { everyMs: () => 3_600_000, run: async () => [] },
  },
} as unknown as Connector;

const instance = (id: string, config: object, enabled = true): ConnectorInstance => ({ id, connector, config, enabled, destinations: [], secrets: [] });

describe('taskSchedules', () => {
  it('gives one schedule per enabled instance and task with an interval', () => {
    expect(taskSchedules([instance('a', { pollMs: 60_000 }), instance('b', {}), instance('c', { pollMs: 1000 }, false)])).toEqual([
      { schedulerId: 'task-a-poll', instanceId: 'a', task: 'poll', everyMs: 60_000 },
      { schedulerId: 'task-a-renew', instanceId: 'a', task: 'renew', everyMs: 3_600_000 },
      { schedulerId: 'task-b-renew', instanceId: 'b', task: 'renew', everyMs: 3_600_000 },
    ]);
  });

  it('turns a task off for a zero or negative interval', () => {
    expect(taskSchedules([instance('a', { pollMs: 0 })]).map((s) => s.task)).toEqual(['renew']);
  });
});
