import { answerFromHttp, retryAfterMs } from './lrs-http-answer';

const now = new Date('2026-11-28T12:00:00Z');

describe('answerFromHttp', () => {
  it.each([
    [200, 'stored'],
    [204, 'stored'],
    [409, 'conflict'],
    [400, 'rejected'],
    [422, 'rejected'],
    [413, 'too-large'],
    [401, 'refused'],
    [403, 'refused'],
    [404, 'refused'],
    [408, 'unavailable'],
    [425, 'unavailable'],
    [429, 'unavailable'],
    [500, 'unavailable'],
    [503, 'unavailable'],
    [undefined, 'unavailable'],
  ])('%s → %s', (status, kind) => {
    expect(answerFromHttp({ status, message: 'x' }, now).kind).toBe(kind);
  });

  it('says why: the status and the start of the body, or the socket error', () => {
    expect(answerFromHttp({ status: 400, message: '{"error":"bad verb"}' }, now)).toEqual({ kind: 'rejected', message: 'LRS answered 400: {"error":"bad verb"}' });
    expect(answerFromHttp({ message: 'ECONNREFUSED' }, now)).toEqual({ kind: 'unavailable', message: 'LRS unreachable: ECONNREFUSED' });
    expect(answerFromHttp({ status: 401, message: '' }, now)).toMatchObject({ cause: 'credentials' });
    expect(answerFromHttp({ status: 404, message: '' }, now)).toMatchObject({ cause: 'endpoint' });
  });

  it('honours Retry-After as seconds or an HTTP date', () => {
    expect(answerFromHttp({ status: 429, message: '', retryAfter: '30' }, now)).toMatchObject({ retryAfterMs: 30_000 });
    expect(retryAfterMs('Sat, 28 Nov 2026 12:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});
