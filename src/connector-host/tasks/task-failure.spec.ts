import { SourceAuthError } from '../../connector-sdk/source-errors';
import { HttpUnavailableError } from '../../connector-sdk/capabilities';
import { HubBackendUnavailableError } from '../event-admission';
import { classifyTaskFailure } from './task-failure';

class VendorError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

describe('classifyTaskFailure', () => {
  it('stops on the source refusing credentials or permissions', () => {
    expect(classifyTaskFailure(new SourceAuthError('check the password', 401))).toEqual({ action: 'stop', reason: 'check the password' });
    expect(classifyTaskFailure(new VendorError('no access', 403))).toEqual({ action: 'stop', reason: 'no access' });
  });

  it('retries what may pass: other statuses, no answer, the hub itself', () => {
    expect(classifyTaskFailure(new VendorError('server error', 500)).action).toBe('retry');
    expect(classifyTaskFailure(new VendorError('not found', 404)).action).toBe('retry');
    expect(classifyTaskFailure(new HttpUnavailableError('timeout', 'https://x.example')).action).toBe('retry');
    expect(classifyTaskFailure(new HubBackendUnavailableError('database')).action).toBe('retry');
    expect(classifyTaskFailure('a string').action).toBe('retry');
  });
});
