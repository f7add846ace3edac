import type { BatchAnswer } from './batch-answer';
import { classifyLrsAnswer } from './classify-lrs-answer';

describe('classifyLrsAnswer', () => {
  const cases: [string, BatchAnswer, number, ReturnType<typeof classifyLrsAnswer>['action']][] = [
    ['2xx', { kind: 'stored' }, 100, 'done'],
    ['built-in per-statement outcomes', { kind: 'per-statement', results: [] }, 100, 'per-statement'],
    ['409 is never "delivered" by its status: compare', { kind: 'conflict', message: '409' }, 100, 'compare'],
    ['400 on a batch: split', { kind: 'rejected', message: '400' }, 100, 'split'],
    ['400 on one statement: dead letter', { kind: 'rejected', message: '400' }, 1, 'dead'],
    ['413 on a batch: split', { kind: 'too-large', message: '413' }, 2, 'split'],
    ['413 on one statement: dead letter', { kind: 'too-large', message: '413' }, 1, 'dead'],
    ['401/403: pause', { kind: 'refused', cause: 'credentials', message: '401' }, 100, 'pause'],
    ['404: pause', { kind: 'refused', cause: 'endpoint', message: '404' }, 100, 'pause'],
    ['5xx, timeouts: retry', { kind: 'unavailable', message: '503' }, 100, 'retry'],
  ];
  it.each(cases)('%s', (_, answer, size, action) => {
    expect(classifyLrsAnswer(answer, size).action).toBe(action);
  });

  it("keeps the LRS's message on a dead letter and Retry-After on a retry", () => {
    expect(classifyLrsAnswer({ kind: 'rejected', message: 'LRS answered 400: bad verb' }, 1)).toEqual({
      action: 'dead',
      reason: 'rejected',
      message: 'LRS answered 400: bad verb',
    });
    expect(classifyLrsAnswer({ kind: 'unavailable', message: 'busy', retryAfterMs: 5000 }, 3)).toEqual({ action: 'retry', message: 'busy', retryAfterMs: 5000 });
  });
});
