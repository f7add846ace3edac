import { classifyLrsAnswer } from './classify-lrs-answer';

describe('classifyLrsAnswer', () => {
  it.each([
    [200, 'delivered'],
    [204, 'delivered'],
    [409, 'delivered'],
    [401, 'stop'],
    [403, 'stop'],
    [408, 'retry'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
    [400, 'reject'],
    [404, 'reject'],
    [413, 'reject'],
    [undefined, 'retry'],
  ])('%s → %s', (status, verdict) => {
    expect(classifyLrsAnswer(status)).toBe(verdict);
  });
});
