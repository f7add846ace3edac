import { PreviewInputError } from '../admin/preview/preview-request';
import { HttpUnavailableError } from '../connector-sdk/capabilities';
import { RequestRejectedError } from '../connector-sdk/connector';
import { HubBackendUnavailableError } from '../connector-host/event-admission';
import { RequestNotVerifiedError, UnknownInstanceError } from '../intake/intake.errors';
import { problemOf } from './error-status';

describe('problemOf', () => {
  it("maps the hub's typed errors to their statuses, with the reason and details", () => {
    expect(problemOf(new RequestRejectedError(415, 'the body must be a form', ['send application/x-www-form-urlencoded']))).toEqual({
      status: 415,
      error: 'the body must be a form',
      details: ['send application/x-www-form-urlencoded'],
      headers: {},
    });
    expect(problemOf(new RequestNotVerifiedError('signature does not match'))).toMatchObject({ status: 401, error: 'request not verified: signature does not match' });
    expect(problemOf(new UnknownInstanceError('nope'))).toMatchObject({ status: 404 });
    expect(problemOf(new HubBackendUnavailableError('queue (Redis)'))).toMatchObject({ status: 503, headers: { 'Retry-After': '5' } });
    expect(problemOf(new PreviewInputError([{ path: 'request', reason: 'must be an object' }]))).toMatchObject({ status: 400, details: ['request: must be an object'] });
  });

  it("answers 503 when a service the connector needs did not answer, so the source retries", () => {
    expect(problemOf(new HttpUnavailableError('GET https://jwks.example/keys got no answer', 'https://jwks.example/keys'))).toMatchObject({
      status: 503,
      headers: { 'Retry-After': '5' },
    });
  });

  it('leaves anything else (a bug) to the filter', () => {
    expect(problemOf(new TypeError('x'))).toBeUndefined();
  });
});
