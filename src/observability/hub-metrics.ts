import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

/**
 * The hub's Prometheus metrics, on a registry of its own (not prom-client's global one)
 * so two hubs in one process — as in the tests — never collide.
 */
export class HubMetrics {
  readonly registry = new Registry();

  constructor() {
    // Process metrics (CPU, memory, event-loop lag, handles, GC) beside the hub's own.
    collectDefaultMetrics({ register: this.registry });
  }

  readonly eventsReceived = new Counter({
    name: 'hub_events_received_total',
    help: 'Webhook requests received, by instance',
    labelNames: ['instance'],
    registers: [this.registry],
  });

  readonly eventsAccepted = new Counter({
    name: 'hub_events_accepted_total',
    help: 'Webhook events made durable and acknowledged (duplicate=true for repeats)',
    labelNames: ['instance', 'duplicate'],
    registers: [this.registry],
  });

  readonly inboxCommits = new Counter({
    name: 'hub_inbox_commits_total',
    help: 'Inbox transactions that recorded webhook events; under load several requests share one (group commit)',
    registers: [this.registry],
  });

  readonly eventsRejected = new Counter({
    name: 'hub_events_rejected_total',
    help: 'Webhook requests refused, by instance and reason',
    labelNames: ['instance', 'reason'],
    registers: [this.registry],
  });

  readonly statementsQuarantined = new Counter({
    name: 'hub_statements_quarantined_total',
    help: 'Mapped statements that failed validation and were quarantined',
    labelNames: ['instance'],
    registers: [this.registry],
  });

  readonly statementsDelivered = new Counter({
    name: 'hub_statements_delivered_total',
    help: 'Statements a destination accepted',
    labelNames: ['destination'],
    registers: [this.registry],
  });

  readonly statementsRetried = new Counter({
    name: 'hub_statements_retried_total',
    help: 'Statements whose delivery failed and was scheduled again',
    labelNames: ['destination'],
    registers: [this.registry],
  });

  readonly statementsDeadLettered = new Counter({
    name: 'hub_statements_dead_lettered_total',
    help: 'Statements that became dead letters, by reason (conflict, rejected, too-large, expired)',
    labelNames: ['destination', 'reason'],
    registers: [this.registry],
  });

  readonly deliveryLag = new Histogram({
    name: 'hub_delivery_lag_seconds',
    help: 'From the source event reaching the inbox to the destination holding its statement',
    labelNames: ['destination'],
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 3600, 21600, 86400],
    registers: [this.registry],
  });

  readonly deliveryBacklog = new Gauge({
    name: 'hub_delivery_backlog',
    help: 'Statements waiting for each destination (pending or being delivered)',
    labelNames: ['destination'],
    registers: [this.registry],
  });

  readonly deliveryOldestAge = new Gauge({
    name: 'hub_delivery_oldest_waiting_seconds',
    help: 'Age of the oldest statement waiting for each destination',
    labelNames: ['destination'],
    registers: [this.registry],
  });

  readonly breakerState = new Gauge({
    name: 'hub_destination_breaker_open',
    help: '0 closed, 1 open, 0.5 half-open (probing); 2 when the destination is paused',
    labelNames: ['destination'],
    registers: [this.registry],
  });

  readonly queueJobs = new Gauge({
    name: 'hub_queue_jobs',
    help: 'Jobs in each queue by state, read at scrape time',
    labelNames: ['queue', 'state'],
    registers: [this.registry],
  });
}
