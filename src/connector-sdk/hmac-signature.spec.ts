import { createHmac } from 'node:crypto';
import { verifyHmacSignature, verifyHmacWithAnySecret, verifyTimestampWindow } from './hmac-signature';

const secret = 'shared-secret-of-the-source';
const payload = Buffer.from('{"id":"evt-1"}');
const signatureOf = (body: Buffer) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const check = { secret, payload, signature: signatureOf(payload), prefix: 'sha256=', headerName: 'x-signature' };

describe('verifyHmacSignature', () => {
  it('accepts the right signature', () => {
    expect(verifyHmacSignature(check)).toEqual({ ok: true });
  });

  it('rejects a wrong signature', () => {
    const result = verifyHmacSignature({ ...check, signature: `sha256=${'0'.repeat(64)}` });
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/does not match the body/) });
  });

  it('rejects a tampered body', () => {
    expect(verifyHmacSignature({ ...check, payload: Buffer.from('{"id":"evt-2"}') }).ok).toBe(false);
  });

  it('rejects a missing header, naming it', () => {
    expect(verifyHmacSignature({ ...check, signature: undefined })).toEqual({ ok: false, reason: 'missing x-signature' });
  });

  it('rejects a malformed signature without throwing', () => {
    expect(verifyHmacSignature({ ...check, signature: 'sha256=zz' })).toEqual({ ok: false, reason: expect.stringMatching(/malformed/) });
    expect(verifyHmacSignature({ ...check, signature: 'md5=abc' })).toEqual({ ok: false, reason: expect.stringMatching(/must start with/) });
  });

  it('rejects when no secret is configured or there is no body', () => {
    expect(verifyHmacSignature({ ...check, secret: undefined }).ok).toBe(false);
    expect(verifyHmacSignature({ ...check, payload: undefined }).ok).toBe(false);
  });

  it('never reveals the expected signature in a reason', () => {
    const result = verifyHmacSignature({ ...check, signature: `sha256=${'1'.repeat(64)}` });
    expect(JSON.stringify(result)).not.toContain(signatureOf(payload).slice(7));
  });
});

describe('verifyTimestampWindow', () => {
  const now = new Date('2026-11-27T10:00:00Z');
  const seconds = (date: Date) => String(Math.floor(date.getTime() / 1000));

  it('accepts a fresh timestamp and rejects an old one', () => {
    expect(verifyTimestampWindow(seconds(new Date(now.getTime() - 60_000)), now)).toEqual({ ok: true });
    expect(verifyTimestampWindow(seconds(new Date(now.getTime() - 600_000)), now).ok).toBe(false);
  });

  it('rejects a missing or non-numeric timestamp', () => {
    expect(verifyTimestampWindow(undefined, now).ok).toBe(false);
    expect(verifyTimestampWindow('yesterday', now).ok).toBe(false);
  });
});

describe('verifyHmacWithAnySecret', () => {
  const payload = Buffer.from('{"id":1}');
  const sign = (secret: string) => createHmac('sha256', secret).update(payload).digest('hex');
  const check = (signature: string | undefined) => ({ payload, signature, headerName: 'X-Signature' });

  it('passes when any active secret signed the body (old and new during a rotation)', () => {
    const secrets = ['new-secret-0123456789', 'old-secret-0123456789'];
    expect(verifyHmacWithAnySecret(secrets, check(sign('old-secret-0123456789')))).toEqual({ ok: true });
    expect(verifyHmacWithAnySecret(secrets, check(sign('new-secret-0123456789')))).toEqual({ ok: true });
  });

  it('refuses with the reason the check gives, and says so when no secret is configured', () => {
    expect(verifyHmacWithAnySecret(['a-secret-0123456789', 'b-secret-0123456789'], check(sign('someone-else')))).toEqual({ ok: false, reason: 'X-Signature does not match the body; check the shared secret' });
    expect(verifyHmacWithAnySecret(['a-secret-0123456789'], check(undefined))).toEqual({ ok: false, reason: 'missing X-Signature' });
    expect(verifyHmacWithAnySecret([], check(sign('a-secret-0123456789')))).toEqual({ ok: false, reason: 'no signing secret is configured for this instance' });
  });
});
