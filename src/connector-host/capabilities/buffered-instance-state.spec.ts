import { MemoryState } from '../../connector-sdk/testing/memory-state';
import { BufferedInstanceState } from './buffered-instance-state';

describe('BufferedInstanceState', () => {
  it('reads its own writes and deletes, leaves the committed state alone, and lists the changes in order', async () => {
    const committed = new MemoryState({ cursor: '2026-11-01', token: 'old' });
    const state = new BufferedInstanceState(committed);
    await state.set('cursor', '2026-11-20');
    await state.delete('token');
    await state.set('pages', [1, 2]);
    await state.set('cursor', '2026-11-23');

    expect(await state.get('cursor')).toBe('2026-11-23');
    expect(await state.get('token')).toBeUndefined();
    expect(await state.get('pages')).toEqual([1, 2]);
    expect(committed.snapshot()).toEqual({ cursor: '2026-11-01', token: 'old' });
    expect(state.changes()).toEqual([
      { key: 'token', json: null },
      { key: 'pages', json: '[1,2]' },
      { key: 'cursor', json: '"2026-11-23"' },
    ]);
  });

  it('hands out copies, and refuses undefined as the database state does', async () => {
    const state = new BufferedInstanceState(new MemoryState());
    const value = { n: 1 };
    await state.set('v', value);
    value.n = 2;
    expect(await state.get('v')).toEqual({ n: 1 });
    await expect(state.set('nothing', undefined)).rejects.toThrow(/use delete\(\)/);
  });
});
