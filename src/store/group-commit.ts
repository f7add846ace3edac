interface Waiting<T, R> {
  item: T;
  resolve(result: R): void;
  reject(error: unknown): void;
}

/**
 * Natural batching for writes (and reads: normalize reads its inbox rows this way): items
 * submitted in the same tick, or while a flush is running, are flushed together by the next
 * one, so N concurrent callers share one transaction (one commit, one fsync) without waiting on
 * a timer. `flush` answers one result per item, in order
 * (or nothing, when callers only need to know it is done). Each caller's promise settles only
 * after the flush of its own group. If a group fails, its items are tried one by one, so one
 * bad item never fails the others — and an item is never reported done unless a flush that
 * held it succeeded.
 */
export class GroupCommit<T, R = void> {
  private readonly waiting: Waiting<T, R>[] = [];
  private flushing = false;
  private groups = 0;

  constructor(
    private readonly flush: (items: T[]) => Promise<readonly R[] | void>,
    private readonly maxItems: number,
  ) {}

  /** Groups flushed so far (a group retried one by one counts once per try). */
  get flushes(): number {
    return this.groups;
  }

  submit(item: T): Promise<R> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
      void this.drain();
    });
  }

  private async drain(): Promise<void> {
    if (this.flushing) return;
    this.flushing = true;
    try {
      // One microtask: callers that submit in the same tick (a burst parsed from one read) join the first group.
      await Promise.resolve();
      while (this.waiting.length > 0) await this.flushGroup(this.waiting.splice(0, this.maxItems));
    } finally {
      this.flushing = false;
    }
  }

  private async flushGroup(group: Waiting<T, R>[]): Promise<void> {
    this.groups++;
    try {
      const results = await this.flush(group.map((w) => w.item));
      group.forEach((w, i) => w.resolve(results?.[i] as R));
    } catch (error) {
      if (group.length === 1) {
        group[0].reject(error);
        return;
      }
      for (const w of group) await this.flushGroup([w]);
    }
  }
}
