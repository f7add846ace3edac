import { taskSchedulerId } from '../../queues/queue-catalogue';
import type { ConnectorInstance } from '../connector-instances';

export interface TaskSchedule {
  schedulerId: string;
  instanceId: string;
  task: string;
  everyMs: number;
}

/**
 * The repeatable jobs the configured instances ask for: one per enabled instance × task
 * whose `everyMs` gives a positive interval for that instance's config.
 */
export function taskSchedules(instances: Iterable<ConnectorInstance>): TaskSchedule[] {
  const schedules: TaskSchedule[] = [];
  for (const instance of instances) {
    if (!instance.enabled) continue;
    for (const [task, definition] of Object.entries(instance.connector.tasks ?? {})) {
      const everyMs = definition.everyMs(instance.config);
      if (everyMs === undefined || !Number.isFinite(everyMs) || everyMs <= 0) continue;
      schedules.push({ schedulerId: taskSchedulerId(instance.id, task), instanceId: instance.id, task, everyMs: Math.round(everyMs) });
    }
  }
  return schedules;
}
