interface Waiting<T> {
  item: T;
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Natural batching for writes: items submitted while a flush is running are flushed together
 * by the next one, so N concurrent callers share one transaction (one commit, one fsync)
 * without any timer. If a group fails, its items are tried one by one, so one bad item never
 * fails the others.
 */
export class GroupCommit<T> {
  private readonly waiting: Waiting<T>[] = [];
  private flushing = false;

  constructor(
    private readonly flush: (items: T[]) => Promise<void>,
    private readonly maxItems: number,
  ) {}

  submit(item: T): Promise<void> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      while (this.waiting.length > 0) await this.flushGroup(this.waiting.splice(0, this.maxItems));
    } finally {
      this.flushing = false;
    }
  }

  private async flushGroup(group: Waiting<T>[]): Promise<void> {
    try {
      await this.flush(group.map((w) => w.item));
      for (const w of group) w.resolve();
    } catch (error) {
      if (group.length === 1) {
        group[0].reject(error);
        return;
      }
      for (const w of group) await this.flushGroup([w]);
    }
  }
}
