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
