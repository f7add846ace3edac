import { jsonataChecker, lineAndColumn } from './expression-checker';

describe('jsonataChecker', () => {
  it('accepts an expression that compiles', () => {
    expect(jsonataChecker.check('{ "a": b }')).toBeUndefined();
  });

  it('names the line and column of the bad token inside a multi-line mapping', () => {
    const mapping = '{\n  "a": b,\n  "c" d\n}';
    expect(jsonataChecker.check(mapping)).toBe('line 3, column 7: Expected ":", got "d"');
  });

  it('points at the last character when the expression ends too early', () => {
    expect(jsonataChecker.check('{ "actor": ')).toBe('line 1, column 11: Expected "}" before end of expression');
  });
});

describe('lineAndColumn', () => {
  it('counts from 1 and restarts the column after each newline', () => {
    expect(lineAndColumn('ab\ncd', 1)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd', 4)).toEqual({ line: 2, column: 1 });
    expect(lineAndColumn('ab\ncd', 5)).toEqual({ line: 2, column: 2 });
  });
});
