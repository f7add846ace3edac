import { collectDefaultMetrics, Counter, Gauge, Registry } from 'prom-client';

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

  readonly queueJobs = new Gauge({
    name: 'hub_queue_jobs',
    help: 'Jobs in each queue by state, read at scrape time',
    labelNames: ['queue', 'state'],
    registers: [this.registry],
  });
}
