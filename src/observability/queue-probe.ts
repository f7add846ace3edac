/**
 * What /health and /metrics need from the queues, provided by QueuesModule in the roles
 * that have queues. Defined here so observability never imports the queues (which log
 * through observability): the arrow points one way.
 */
export interface QueueProbe {
  ping(): Promise<void>;
  /** Jobs per queue and state, for the hub_queue_jobs gauge. */
  depths(states: readonly string[]): Promise<{ queue: string; counts: Record<string, number> }[]>;
}

export const QUEUE_PROBE = Symbol('QUEUE_PROBE');
