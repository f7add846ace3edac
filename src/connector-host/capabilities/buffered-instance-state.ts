import type { InstanceState } from '../../connector-sdk/capabilities';
import { type StateChange, stateJson } from './instance-state';

/**
 * State for one scheduled task run: reads see the run's own writes, but nothing is written
 * until the host commits the run's events — the writes go into the same transaction as the
 * inbox rows (EventAdmission), so a cursor never moves past events that were not kept.
 */
export class BufferedInstanceState implements InstanceState {
  /** Key → JSON text, or null for a delete; in the order last written. */
  private readonly pending = new Map<string, string | null>();

  constructor(private readonly committed: InstanceState) {}

  async get<T = unknown>(key: string): Promise<T | undefined> {
    if (!this.pending.has(key)) return this.committed.get<T>(key);
    const json = this.pending.get(key);
    return json === null || json === undefined ? undefined : (JSON.parse(json) as T);
  }

  async set(key: string, value: unknown): Promise<void> {
    const json = stateJson(key, value);
    this.pending.delete(key);
    this.pending.set(key, json);
  }

  async delete(key: string): Promise<void> {
    this.pending.delete(key);
    this.pending.set(key, null);
  }

  /** What the run wrote, for the commit. */
  changes(): StateChange[] {
    return [...this.pending].map(([key, json]) => ({ key, json }));
  }
}
