import { statementIdFor } from './statement-id';

describe('statementIdFor', () => {
  it('gives the same UUID v5 for the same instance, event key and index', () => {
    expect(statementIdFor('demo', 'evt-1', 0)).toBe(statementIdFor('demo', 'evt-1', 0));
    expect(statementIdFor('demo', 'evt-1', 0)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('differs when any part differs', () => {
    const ids = new Set([
      statementIdFor('demo', 'evt-1', 0),
      statementIdFor('demo', 'evt-1', 1),
      statementIdFor('demo', 'evt-2', 0),
      statementIdFor('other', 'evt-1', 0),
      // The separator keeps "a\nb" + "c" apart from "a" + "b\nc".
      statementIdFor('de', 'mo\nevt-1', 0),
    ]);
    expect(ids.size).toBe(5);
  });
});
