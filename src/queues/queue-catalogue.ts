import type { JobsOptions } from 'bullmq';

/**
 * Every queue and job the hub uses, typed in one place. Job ids derive from the inbox's
 * event id so a repeat add is a no-op while the job exists; BullMQ forbids `:` in ids.
 */
export const NORMALIZE_QUEUE = 'normalize';

/**
 * One signal queue per destination ("there is work for X"), so a destination that is down
 * or refusing never holds up another. The statements themselves wait in the database outbox.
 */
export function deliverQueueName(destinationId: string): string {
  return `deliver-${destinationId}`;
}

export interface NormalizeJob {
  eventId: string;
  instanceId: string;
}

/** A signal only: a few bytes, whatever the backlog; the worker claims its batches from the outbox. */
export interface DeliverJob {
  destinationId: string;
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

/**
 * A signal due now is one job per destination (repeats coalesce while it waits); one due
 * later (the retry schedule) is one job per destination and second.
 */
export function deliverJobId(destinationId: string, dueAt?: Date): string {
  return dueAt ? `wake-${destinationId}-${Math.ceil(dueAt.getTime() / 1000)}` : `work-${destinationId}`;
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

/** Signals leave nothing behind: done or not, the outbox holds the work. */
export const DELIVER_JOB_OPTIONS: JobsOptions = { removeOnComplete: true, removeOnFail: true, attempts: 1 };
