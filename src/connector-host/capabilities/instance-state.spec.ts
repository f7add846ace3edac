import { migratedDatabase, type MigratedTestDatabase, TEST_ENGINES } from '../../../test/support/test-databases';
import { DatabaseInstanceState } from './instance-state';

describe.each(TEST_ENGINES)('DatabaseInstanceState (%s)', (engine) => {
  let test: MigratedTestDatabase;
  beforeAll(async () => {
    test = await migratedDatabase(engine);
  });
  afterAll(() => test.close());

  it('keeps a JSON value per instance and key, replaces it, and deletes it', async () => {
    const a = new DatabaseInstanceState(test.database, 'a');
    const b = new DatabaseInstanceState(test.database, 'b');
    expect(await a.get('syncToken')).toBeUndefined();

    await a.set('syncToken', { token: 'one', pages: [1, 2] });
    await b.set('syncToken', 'other instance');
    expect(await a.get('syncToken')).toEqual({ token: 'one', pages: [1, 2] });

    await a.set('syncToken', 'two');
    expect(await a.get('syncToken')).toBe('two');
    expect(await b.get('syncToken')).toBe('other instance');

    await a.delete('syncToken');
    expect(await a.get('syncToken')).toBeUndefined();
    expect(await b.get('syncToken')).toBe('other instance');
  });

  it('keeps falsy JSON values and refuses undefined', async () => {
    const state = new DatabaseInstanceState(test.database, 'c');
    await state.set('zero', 0);
    await state.set('null', null);
    expect(await state.get('zero')).toBe(0);
    expect(await state.get('null')).toBeNull();
    await expect(state.set('nothing', undefined)).rejects.toThrow(/use delete\(\)/);
  });
});
