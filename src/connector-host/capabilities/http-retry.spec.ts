import { backoffMs, shouldRetry } from './http-retry';

describe('shouldRetry', () => {
  it('retries a GET that got no answer or a 5xx', () => {
    expect(shouldRetry('GET', { kind: 'no-answer' })).toBe(true);
    expect(shouldRetry('get', { kind: 'answer', status: 503 })).toBe(true);
  });

  it('leaves every other status to the connector', () => {
    for (const status of [200, 304, 404, 410, 429]) expect(shouldRetry('GET', { kind: 'answer', status })).toBe(false);
  });

  it('never repeats a call that may have changed something', () => {
    expect(shouldRetry('POST', { kind: 'no-answer' })).toBe(false);
    expect(shouldRetry('PATCH', { kind: 'answer', status: 500 })).toBe(false);
  });
});

describe('backoffMs', () => {
  it('doubles from the base', () => {
    expect([1, 2, 3].map((n) => backoffMs(n, 100))).toEqual([100, 200, 400]);
  });
});
