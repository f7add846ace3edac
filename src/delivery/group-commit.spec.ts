import { GroupCommit } from './group-commit';

describe('GroupCommit', () => {
  it('flushes what arrives during a flush together, in order', async () => {
    const flushed: number[][] = [];
    const group = new GroupCommit<number>(async (items) => {
      flushed.push(items);
      await new Promise((r) => setTimeout(r, 10));
    }, 100);
    await Promise.all([1, 2, 3, 4].map((n) => group.submit(n)));
    expect(flushed).toEqual([[1], [2, 3, 4]]);
  });

  it('keeps groups to their maximum size', async () => {
    const sizes: number[] = [];
    const group = new GroupCommit<number>(async (items) => {
      sizes.push(items.length);
    }, 2);
    await Promise.all([1, 2, 3, 4, 5].map((n) => group.submit(n)));
    expect(sizes.every((size) => size <= 2)).toBe(true);
    expect(sizes.reduce((a, b) => a + b)).toBe(5);
  });

  it('fails only the bad item of a failed group', async () => {
    const group = new GroupCommit<number>(async (items) => {
      await new Promise((r) => setTimeout(r, 5));
      if (items.includes(3)) throw new Error('bad item 3');
    }, 100);
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => group.submit(n)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
  });
});
