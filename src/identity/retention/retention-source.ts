import type { RetentionConfig } from '../../config/hub-config.schema';

/** One kind of row with an age limit: a class implementing this, listed in RETENTION_SOURCE_TYPES. */
export interface RetentionSource {
  /** The name in the job's log line and result. */
  readonly kind: string;
  /** The setting that limits it; absent in the config = kept for ever. */
  readonly setting: keyof RetentionConfig;
  /** Deletes what is older than `cutoff`; answers how many rows went. */
  purgeOlderThan(cutoff: Date): Promise<number>;
}

/** The instant before which rows go, for a limit in days. */
export function retentionCutoff(now: Date, days: number): Date {
  return new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
}
