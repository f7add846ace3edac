import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

  it('flushes what is submitted in one tick together, and what arrives during a flush with the next group', async () => {
    const flushed: number[][] = [];
    const group = new GroupCommit<number>(async (items) => {
      flushed.push(items);
      await pause(10);
    }, 100);
    const first = [1, 2, 3].map((n) => group.submit(n));
    await pause(2);
    await Promise.all([...first, ...[4, 5].map((n) => group.submit(n))]);
    expect(flushed).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
    expect(group.flushes).toBe(2);
  });

  it('gives each caller its own result, only after its group is flushed', async () => {
    let flushedAt = 0;
    const group = new GroupCommit<number, string>(async (items) => {
      await pause(5);
      flushedAt = Date.now();
      return items.map((n) => `row ${n}`);
    }, 100);
    const answers = await Promise.all(
      [7, 8].map(async (n) => {
        const result = await group.submit(n);
        return { result, afterFlush: flushedAt > 0 };
      }),
    );
    expect(answers).toEqual([
      { result: 'row 7', afterFlush: true },
      { result: 'row 8', afterFlush: true },
    ]);
  });

  it('keeps groups to their maximum size', async () => {
    const sizes: number[] = [];
    const group = new GroupCommit<number>(async (items) => {
      sizes.push(items.length);
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => group.submit(n)));
    expect(sizes).toEqual([2, 2, 1]);
  });

  it('fails only the bad item of a failed group', async () => {
    const group = new GroupCommit<number>(async (items) => {
      await pause(5);
      if (items.includes(3)) throw new Error('bad item 3');
    }, 100);
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => group.submit(n)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  });

  it('fails every item when every try fails: none is reported done', async () => {
    const group = new GroupCommit<number>(async () => {
      throw new Error('database down');
    }, 100);
    const results = await Promise.allSettled([1, 2, 3].map((n) => group.submit(n)));
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(group.flushes).toBe(4); // the group, then each alone
  });
});
