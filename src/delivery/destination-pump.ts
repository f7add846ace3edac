import type { Logger } from 'pino';
import type { DeliverySettings } from '../config/destination-settings';
import type { HubMetrics } from '../observability/hub-metrics';
import type { DestinationStateRepository } from '../store/destination-state.repository';
import type { OutboxRepository, OutboxRow } from '../store/outbox.repository';
import type { Statement } from '../xapi/statement';
import type { BatchAnswer } from './batch-answer';
import { breakerAfterFailure, breakerAfterSuccess, deliveryGate } from './circuit-breaker';
import { classifyLrsAnswer } from './classify-lrs-answer';
import type { Destination } from './destination';
import { retriesExhausted, retryDelayMs } from './retry-schedule';

export interface PumpDependencies {
  outbox: OutboxRepository;
  states: DestinationStateRepository;
  metrics: HubMetrics;
  logger: Logger;
  /** Puts the retry schedule into Redis: a signal at the time the rescheduled rows fall due. */
  signalAt(destinationId: string, dueAt: Date): Promise<void>;
}

/**
 * Delivers one destination's outbox rows from this process: claim a batch, send it, act on
 * the classified answer. `concurrency` loops run side by side; each sleeps when there is
 * nothing due and wakes on a signal (Redis) or after `pollMs` (so work is found even when
 * Redis lost every signal). Claims expire, so rows a killed process held are claimed again.
 */
export class DestinationPump {
  private stopping = false;
  private readonly loops: Promise<void>[] = [];
  private readonly sleepers = new Set<() => void>();
  private lastClaimFull = false;
  private inFlight = 0;
  private tokens: number;
  private tokensAt = Date.now();

  constructor(
    private readonly destination: Destination,
    private readonly settings: DeliverySettings,
    private readonly deps: PumpDependencies,
    private readonly owner: string,
    private readonly pollMs: number,
    private readonly concurrency: number,
  ) {
    this.tokens = settings.rateLimitPerSecond ?? 0;
  }

  private get id(): string {
    return this.destination.id;
  }

  /** A claim lasts two request timeouts; longer work (splits, compares) extends it. */
  private get leaseMs(): number {
    return this.settings.timeoutMs * 2;
  }

  start(): void {
    for (let i = 0; i < this.concurrency; i++) this.loops.push(this.loop());
  }

  /** Work was announced: wake every sleeping loop. */
  wake(): void {
    for (const wake of [...this.sleepers]) wake();
  }

  /** Stops claiming, lets the batches in flight finish; resolves with how many were in flight. */
  async stop(): Promise<number> {
    const inFlight = this.inFlight;
    this.stopping = true;
    this.wake();
    await Promise.all(this.loops);
    return inFlight;
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      let worked = false;
      try {
        worked = await this.round();
      } catch (error) {
        // The database away, most likely: the rows stay claimed until their lease runs out.
        this.deps.logger.warn({ err: error, destination: this.id }, 'delivery round failed; trying again');
      }
      if (!worked && !this.stopping) await this.sleep(this.pollMs);
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.sleepers.add(done);
    });
  }

  /** One claim and its delivery; false when there was nothing to do. */
  private async round(): Promise<boolean> {
    const now = new Date();
    const state = await this.deps.states.get(this.id, now);
    const gate = deliveryGate(state, now, this.settings);
    // Paused means someone must act: nothing expires meanwhile. Otherwise (an open breaker
    // holding rows back included) the schedule ends in dead letters, never a silent wait.
    if (gate !== 'deliver' && state.state !== 'paused') await this.expireOverdue(now);
    if (gate === 'wait') return false;
    // A part-full last claim means the queue ran dry: give the batch time to fill.
    if (!this.lastClaimFull && this.settings.lingerMs > 0) await new Promise((r) => setTimeout(r, this.settings.lingerMs));
    if (this.stopping) return false;
    const limit = gate === 'probe' ? 1 : await this.rateLimited(this.settings.batchSize);
    const rows = await this.deps.outbox.claim(this.id, this.owner, limit, this.leaseMs);
    // The rate budget pays for statements sent, not for rows that were not there.
    if (this.settings.rateLimitPerSecond && gate === 'deliver') this.tokens += limit - rows.length;
    this.lastClaimFull = rows.length === limit && gate === 'deliver';
    if (rows.length === 0) return false;
    this.inFlight++;
    try {
      const ok = await this.deliverRows(rows, true);
      if (gate === 'probe' && ok && state.state === 'paused') {
        await this.deps.states.resume(this.id);
        this.deps.logger.info({ destination: this.id }, 'destination resumed: a probe went through');
      }
    } finally {
      this.inFlight--;
    }
    return true;
  }

  private async expireOverdue(now: Date): Promise<void> {
    const expired = await this.deps.outbox.expireOverdue(this.id, new Date(now.getTime() - this.settings.retryForMs), now);
    if (expired.length === 0) return;
    this.deps.metrics.statementsDeadLettered.inc({ destination: this.id, reason: 'expired' }, expired.length);
    for (const row of expired) this.logDead(row, 'expired', `gave up after ${this.settings.retryForMs} ms; last answer: ${row.last_answer}`);
  }

  /** Waits for the rate limit (statements per second, this process) and says how many may go. */
  private async rateLimited(wanted: number): Promise<number> {
    const rate = this.settings.rateLimitPerSecond;
    if (!rate) return wanted;
    for (;;) {
      const now = Date.now();
      this.tokens = Math.min(rate, this.tokens + ((now - this.tokensAt) / 1000) * rate);
      this.tokensAt = now;
      if (this.tokens >= 1) {
        const take = Math.min(wanted, Math.floor(this.tokens));
        this.tokens -= take;
        return take;
      }
      await new Promise((r) => setTimeout(r, Math.ceil(((1 - this.tokens) / rate) * 1000)));
    }
  }

  /** Sends the rows and acts on the answer; true when the destination took the batch (for the breaker). */
  private async deliverRows(rows: OutboxRow[], top: boolean): Promise<boolean> {
    const seqs = rows.map((row) => row.seq);
    if (!top) await this.deps.outbox.extendClaim(seqs, this.owner, new Date(Date.now() + this.leaseMs));
    const statements = rows.map((row) => JSON.parse(row.statement) as Statement);
    const answer = await this.destination.deliver(statements);
    const decision = classifyLrsAnswer(answer, rows.length);
    switch (decision.action) {
      case 'done':
        await this.delivered(rows);
        break;
      case 'per-statement':
        await this.perStatement(rows, answer as Extract<BatchAnswer, { kind: 'per-statement' }>);
        break;
      case 'compare':
        await this.compare(rows, statements, answer);
        break;
      case 'split': {
        const half = Math.ceil(rows.length / 2);
        this.deps.logger.info({ destination: this.id, size: rows.length, answer: describe(answer) }, 'batch refused: splitting it to find the statement');
        await this.deliverRows(rows.slice(0, half), false);
        await this.deliverRows(rows.slice(half), false);
        break;
      }
      case 'dead':
        await this.dead(rows, decision.reason, decision.message);
        break;
      case 'pause': {
        const raised = await this.deps.states.pause(this.id, decision.cause, decision.message);
        await this.deps.outbox.release(seqs, this.owner, decision.message);
        if (raised) {
          this.deps.logger.error(
            { destination: this.id, instance: rows[0].instance_id, eventId: rows[0].event_id, reason: decision.message, alert: true },
            decision.cause === 'credentials'
              ? 'destination paused: it refuses our credentials; fix them and resume it (POST /admin/api/destinations/:id/resume)'
              : 'destination paused: its endpoint does not take statements; fix it and resume it',
          );
        }
        return false;
      }
      case 'retry':
        await this.retry(rows, decision.message, decision.retryAfterMs);
        return false;
    }
    if (top) await this.closeBreaker();
    return true;
  }

  private async closeBreaker(): Promise<void> {
    const state = await this.deps.states.get(this.id);
    if (state.breaker !== 'closed' || state.consecutive_failures > 0) {
      await this.deps.states.update(this.id, breakerAfterSuccess());
      if (state.breaker !== 'closed') this.deps.logger.info({ destination: this.id }, 'circuit breaker closed: the destination takes statements again');
    }
  }

  private async delivered(rows: OutboxRow[]): Promise<void> {
    if (rows.length === 0) return;
    await this.deps.outbox.markDelivered(
      rows.map((row) => row.seq),
      this.owner,
    );
    const now = Date.now();
    this.deps.metrics.statementsDelivered.inc({ destination: this.id }, rows.length);
    for (const row of rows) this.deps.metrics.deliveryLag.observe({ destination: this.id }, (now - Date.parse(row.received_at)) / 1000);
  }

  private async perStatement(rows: OutboxRow[], answer: Extract<BatchAnswer, { kind: 'per-statement' }>): Promise<void> {
    const done: OutboxRow[] = [];
    for (const [i, row] of rows.entries()) {
      const result = answer.results[i];
      if (result.outcome === 'conflict' || result.outcome === 'invalid') await this.dead([row], result.outcome === 'conflict' ? 'conflict' : 'rejected', result.message);
      else done.push(row);
    }
    await this.delivered(done);
  }

  /** 409: the same statement held is done, a different one a conflict, a missing one goes again. */
  private async compare(rows: OutboxRow[], statements: Statement[], answer: BatchAnswer): Promise<void> {
    const held = await this.destination.compare(statements);
    if (!Array.isArray(held)) {
      await this.retry(rows, held.message);
      return;
    }
    const message = describe(answer);
    await this.delivered(rows.filter((_, i) => held[i] === 'identical'));
    for (const [i, row] of rows.entries()) {
      if (held[i] === 'different') await this.dead([row], 'conflict', `${message} (the LRS holds a different statement with this id)`);
    }
    await this.deps.outbox.release(
      rows.filter((_, i) => held[i] === 'absent').map((row) => row.seq),
      this.owner,
      message,
    );
  }

  private async dead(rows: OutboxRow[], reason: 'conflict' | 'rejected' | 'too-large' | 'expired', message: string): Promise<void> {
    await this.deps.outbox.markDead(
      rows.map((row) => row.seq),
      this.owner,
      reason,
      message,
    );
    this.deps.metrics.statementsDeadLettered.inc({ destination: this.id, reason }, rows.length);
    for (const row of rows) this.logDead(row, reason, message);
  }

  private logDead(row: OutboxRow, reason: string, message: string): void {
    this.deps.logger.error(
      { destination: this.id, instance: row.instance_id, eventId: row.event_id, statementId: row.statement_id, deadLetter: row.seq, reason, answer: message },
      'dead letter: replay it with POST /admin/api/dead-letters/replay once the cause is fixed',
    );
  }

  /** Back off (statements past their schedule become dead letters) and count a breaker failure. */
  private async retry(rows: OutboxRow[], message: string, retryAfterMs?: number): Promise<void> {
    const now = new Date();
    const expired = rows.filter((row) => retriesExhausted(row, now, this.settings));
    if (expired.length > 0) await this.dead(expired, 'expired', `gave up after retrying for ${this.settings.retryForMs} ms; last answer: ${message}`);
    const waiting = rows.filter((row) => !expired.includes(row));
    if (waiting.length > 0) {
      const attempts = Math.max(...waiting.map((row) => row.attempts)) + 1;
      const dueAt = new Date(now.getTime() + retryDelayMs(attempts, this.settings, Math.random(), retryAfterMs));
      await this.deps.outbox.reschedule(
        waiting.map((row) => row.seq),
        this.owner,
        dueAt,
        message,
        now,
      );
      this.deps.metrics.statementsRetried.inc({ destination: this.id }, waiting.length);
      this.deps.logger.warn(
        {
          destination: this.id,
          instance: waiting[0].instance_id,
          eventId: waiting[0].event_id,
          eventIds: [...new Set(waiting.map((row) => row.event_id))],
          statements: waiting.length,
          attempt: attempts,
          retryAt: dueAt.toISOString(),
          reason: message,
        },
        'delivery failed; retrying later',
      );
      await this.deps.signalAt(this.id, dueAt).catch(() => undefined);
    }
    const state = await this.deps.states.get(this.id, now);
    const next = breakerAfterFailure(state, now, this.settings);
    await this.deps.states.update(this.id, { ...next, last_error: message, last_error_at: now.toISOString() }, now);
    if (next.breaker === 'open' && state.breaker === 'closed') {
      this.deps.logger.error({ destination: this.id, failures: next.consecutive_failures, until: next.open_until, reason: message }, 'circuit breaker open');
    }
  }
}

function describe(answer: BatchAnswer): string {
  return 'message' in answer ? answer.message : answer.kind;
}
