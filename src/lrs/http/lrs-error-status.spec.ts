import { HttpProblem } from '../../http/http-errors';
import { LrsError } from '../lrs-errors';
import { lrsErrorProblem } from './lrs-error-status';

describe('lrsErrorProblem: the one place an LRS refusal gets its status', () => {
  it.each([
    ['invalid-request', 400],
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['not-found', 404],
    ['conflict', 409],
    ['precondition-failed', 412],
  ] as const)('answers %s with %i, keeping the message and details', (kind, status) => {
    const problem = lrsErrorProblem(new LrsError(kind, 'why', ['what to do']));
    expect(problem).toBeInstanceOf(HttpProblem);
    expect(problem).toMatchObject({ status, message: 'why', details: ['what to do'] });
  });

  it('names the Basic scheme on a 401 (xAPI 1.0.3 Communication §4.0)', () => {
    expect(lrsErrorProblem(new LrsError('unauthenticated', 'who are you'))?.headers).toEqual({ 'WWW-Authenticate': 'Basic realm="xAPI", charset="UTF-8"' });
  });

  it('leaves every other error to the rest of the filter', () => {
    expect(lrsErrorProblem(new Error('database down'))).toBeUndefined();
    expect(lrsErrorProblem(new HttpProblem(404, 'not ours'))).toBeUndefined();
  });
});
