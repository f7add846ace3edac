import type { JsonObject } from '../../xapi/statement';
import { scoreFrom, scoreFromPercent } from './score';

describe('scoreFrom', () => {
  it('scales raw within its range', () => {
    expect(scoreFrom({ raw: 8, min: 0, max: 10 })).toEqual({ scaled: 0.8, raw: 8, min: 0, max: 10 });
    expect(scoreFrom({ raw: 0, min: -5, max: 5 })).toEqual({ scaled: 0.5, raw: 0, min: -5, max: 5 });
    expect(scoreFrom({ raw: 2, min: 0, max: 3 })).toEqual({ scaled: 0.6667, raw: 2, min: 0, max: 3 });
  });

  it('gives raw alone without a range', () => {
    expect(scoreFrom({ raw: 42 })).toEqual({ raw: 42 });
    expect(scoreFrom({ raw: 42, max: 100 })).toEqual({ raw: 42 });
  });

  it('gives nothing for a score the LRS would refuse', () => {
    expect(scoreFrom({ raw: 11, min: 0, max: 10 })).toBeUndefined();
    expect(scoreFrom({ raw: 1, min: 5, max: 5 })).toBeUndefined();
    expect(scoreFrom({ raw: Number.NaN })).toBeUndefined();
    expect(scoreFrom({ raw: 1, min: 0, max: Number.POSITIVE_INFINITY })).toBeUndefined();
  });
});

describe('scoreFromPercent', () => {
  it('is a score out of 100', () => {
    expect(scoreFromPercent(75)).toEqual({ scaled: 0.75, raw: 75, min: 0, max: 100 });
    expect(scoreFromPercent(120)).toBeUndefined();
  });
});

describe('a score in a statement result', () => {
  it('goes into the JSON result as it is, with no member left undefined', () => {
    // Type-checked: a score is a JsonObject member (tsc refuses an optional, possibly undefined member).
    const result: JsonObject = { completion: true, score: scoreFrom({ raw: 8, min: 0, max: 10 })! };
    const rawOnly: JsonObject = { score: scoreFrom({ raw: 42 })! };
    expect(JSON.parse(JSON.stringify(result))).toEqual(result);
    expect(Object.values(rawOnly.score as JsonObject)).not.toContain(undefined);
  });
});
