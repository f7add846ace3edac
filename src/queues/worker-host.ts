import { type Job, type Processor, Worker } from 'bullmq';
import type { Logger } from 'pino';
import type { QueueSettings } from '../runtime-settings';
import { workerConnectionOptions } from './redis-connection';

/**
 * Starts a BullMQ worker with the hub's connection settings. Processors throw on failure
 * so BullMQ's retries fire; `onFinalFailure` runs once the last attempt has failed.
 */
export function startWorker<T>(
  settings: QueueSettings,
  logger: Logger,
  queueName: string,
  processor: Processor<T>,
  options: { concurrency: number; onFinalFailure?: (job: Job<T>, error: Error) => Promise<void> },
): Worker<T> {
  const worker = new Worker<T>(queueName, processor, {
    connection: workerConnectionOptions(settings.redisUrl),
    prefix: settings.prefix,
    concurrency: options.concurrency,
    // A killed process's jobs come back after about 15 s rather than 30, and a job caught in
    // a few crashes is run again rather than failed for "stalling": every job here is idempotent.
    lockDuration: 15_000,
    stalledInterval: 5_000,
    maxStalledCount: 10,
  });
  worker.on('failed', (job, error) => {
    if (!job || !options.onFinalFailure) return;
    const lastAttempt = job.attemptsMade >= (job.opts.attempts ?? 1) || error.name === 'UnrecoverableError';
    // Its own failure (the database away) is logged: an unhandled rejection would end the worker process.
    if (lastAttempt) {
      options.onFinalFailure(job, error).catch((failure: unknown) =>
        logger.error({ err: failure, queue: queueName, jobId: job.id }, 'could not record the final failure of a job'),
      );
    }
  });
  // BullMQ reconnects by itself; log the cause once per error rather than crash.
  worker.on('error', (error) => logger.warn({ err: error, queue: queueName }, 'queue worker error'));
  return worker;
}
