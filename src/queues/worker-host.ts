import { type Job, type Processor, Worker } from 'bullmq';
import type { HubRuntime } from '../hub-runtime';
import type { HubLogger } from '../observability/hub-logger';
import { workerConnectionOptions } from './redis-connection';

/**
 * Starts a BullMQ worker with the hub's connection settings. Processors throw on failure
 * so BullMQ's retries fire; `onFinalFailure` runs once the last attempt has failed.
 */
export function startWorker<T>(
  runtime: HubRuntime,
  logger: HubLogger,
  queueName: string,
  processor: Processor<T>,
  options: { concurrency: number; onFinalFailure?: (job: Job<T>, error: Error) => Promise<void> },
): Worker<T> {
  const worker = new Worker<T>(queueName, processor, {
    connection: workerConnectionOptions(runtime.env.REDIS_URL),
    prefix: runtime.env.QUEUE_PREFIX,
    concurrency: options.concurrency,
  });
  worker.on('failed', (job, error) => {
    if (!job || !options.onFinalFailure) return;
    const lastAttempt = job.attemptsMade >= (job.opts.attempts ?? 1) || error.name === 'UnrecoverableError';
    if (lastAttempt) void options.onFinalFailure(job, error);
  });
  // BullMQ reconnects by itself; log the cause once per error rather than crash.
  worker.on('error', (error) => logger.pino.warn({ err: error, queue: queueName }, 'queue worker error'));
  return worker;
}
