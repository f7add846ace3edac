import type { InstanceState } from '../capabilities';

/** Instance state in memory, JSON-copied like the database would: for tests and preview. */
export class MemoryState implements InstanceState {
  private readonly values = new Map<string, string>();

  constructor(initial: Record<string, unknown> = {}) {
    for (const [key, value] of Object.entries(initial)) this.values.set(key, JSON.stringify(value));
  }

  async get<T = unknown>(key: string): Promise<T | undefined> {
    const text = this.values.get(key);
    return text === undefined ? undefined : (JSON.parse(text) as T);
  }

  async set(key: string, value: unknown): Promise<void> {
    this.values.set(key, JSON.stringify(value));
  }

  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }

  snapshot(): Record<string, unknown> {
    return Object.fromEntries([...this.values].map(([key, text]) => [key, JSON.parse(text)]));
  }
}
