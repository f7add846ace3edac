import { SourceAuthError } from '../../connector-sdk/source-errors';

export interface TaskFailureVerdict {
  /** `stop`: retrying cannot help until an admin acts; `retry`: try again with backoff. */
  action: 'stop' | 'retry';
  reason: string;
}

/**
 * What to do when a scheduled task run throws. The source refusing credentials or permissions
 * (SourceAuthError, or a connector's own typed error carrying `status` 401/403) stops the task;
 * anything else (no answer, a 5xx, the hub's database or Redis away) is worth another try.
 */
export function classifyTaskFailure(error: unknown): TaskFailureVerdict {
  const reason = error instanceof Error ? error.message : String(error);
  if (error instanceof SourceAuthError) return { action: 'stop', reason };
  const status = error instanceof Error ? (error as Error & { status?: unknown }).status : undefined;
  if (status === 401 || status === 403) return { action: 'stop', reason };
  return { action: 'retry', reason };
}
