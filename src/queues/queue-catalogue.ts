import type { JobsOptions } from 'bullmq';
import type { Statement } from '../xapi/statement';

/**
 * Every queue and job the hub uses, typed in one place. Job ids derive from the inbox's
 * event id so a repeat add is a no-op while the job exists; BullMQ forbids `:` in ids.
 */
export const NORMALIZE_QUEUE = 'normalize';

/** One queue per destination, so a destination that is down or refusing never holds up another. */
export function deliverQueueName(destinationId: string): string {
  return `deliver-${destinationId}`;
}

export interface NormalizeJob {
  eventId: string;
  instanceId: string;
}

export interface DeliverJob {
  eventId: string;
  instanceId: string;
  destinationId: string;
  statements: Statement[];
}

export function normalizeJobId(eventId: string): string {
  return `normalize-${eventId}`;
}

/**
 * A "later" run of an event has its own id: the run that asked for it is still active when
 * it is added (the plain id would be a no-op), and a new due time is a new run.
 */
export function normalizeLaterJobId(eventId: string, dueAt: Date): string {
  return `normalize-${eventId}-at-${dueAt.getTime()}`;
}

/** Connectors' scheduled tasks (renew a subscription, poll a feed): one job scheduler per instance × task. */
export const CONNECTOR_TASKS_QUEUE = 'connector-tasks';

export interface ConnectorTaskJob {
  instanceId: string;
  task: string;
}

export function taskSchedulerId(instanceId: string, task: string): string {
  return `task-${instanceId}-${task}`;
}

export function deliverJobId(eventId: string, destinationId: string): string {
  return `deliver-${destinationId}-${eventId}`;
}

/** Completed jobs linger an hour for the queue view; failures a week. The inbox is the record. */
const retention: JobsOptions = {
  removeOnComplete: { age: 3600, count: 10_000 },
  removeOnFail: { age: 7 * 24 * 3600 },
};

export const NORMALIZE_JOB_OPTIONS: JobsOptions = {
  ...retention,
  attempts: 5,
  backoff: { type: 'exponential', delay: 1000, jitter: 0.5 },
};

/**
 * A task run that fails for a passing reason (no answer, a 5xx, the hub's database away) is
 * tried again with backoff before its next tick; one the source refused (401/403) fails as
 * unrecoverable and is stopped (connector-tasks.worker.ts).
 */
export const TASK_JOB_OPTIONS: JobsOptions = {
  ...retention,
  attempts: 3,
  backoff: { type: 'exponential', delay: 2000, jitter: 0.5 },
};

export const DELIVER_JOB_OPTIONS: JobsOptions = {
  ...retention,
  attempts: 10,
  backoff: { type: 'exponential', delay: 2000, jitter: 0.5 },
};
