import { inboundRequest } from './inbound-request';
import { bearerTokenOf, matchesAnySecret, verifyBearerSecret } from './shared-secret';

describe('matchesAnySecret', () => {
  it('accepts any active secret (rotation) and nothing else', () => {
    const secrets = ['new-client-state-0123', 'old-client-state-0123'];
    expect(matchesAnySecret('old-client-state-0123', secrets)).toBe(true);
    expect(matchesAnySecret('new-client-state-0123', secrets)).toBe(true);
    expect(matchesAnySecret('new-client-state-012', secrets)).toBe(false);
    expect(matchesAnySecret('', secrets)).toBe(false);
    expect(matchesAnySecret(undefined, secrets)).toBe(false);
    expect(matchesAnySecret('anything', [])).toBe(false);
  });

  it('compares texts of any length and any script', () => {
    expect(matchesAnySecret('токен-ü-🔑', ['токен-ü-🔑'])).toBe(true);
    expect(matchesAnySecret('x'.repeat(5000), ['x'.repeat(4999)])).toBe(false);
  });
});

describe('bearerTokenOf', () => {
  const request = (authorization?: string) => inboundRequest({ headers: authorization === undefined ? {} : { authorization } });
  it('reads the token of a Bearer header, whatever the scheme case, trimmed', () => {
    expect(bearerTokenOf(request('Bearer abc-123'))).toBe('abc-123');
    expect(bearerTokenOf(request('bearer   abc-123  '))).toBe('abc-123');
  });
  it('has none for another scheme, an empty token or no header', () => {
    expect(bearerTokenOf(request('Basic dG9rZW4='))).toBeUndefined();
    expect(bearerTokenOf(request('Bearer    '))).toBeUndefined();
    expect(bearerTokenOf(request())).toBeUndefined();
  });
});

describe('verifyBearerSecret', () => {
  const secrets = ['upload-token-new-0123', 'upload-token-old-0123'];
  const post = (headers: Record<string, string>) => inboundRequest({ headers });

  it('takes the bearer token of any active secret, refuses another with the reason', () => {
    expect(verifyBearerSecret(post({ authorization: 'Bearer upload-token-old-0123' }), secrets)).toEqual({ ok: true });
    expect(verifyBearerSecret(post({ authorization: 'Bearer upload-token-new-0123' }), secrets)).toEqual({ ok: true });
    expect(verifyBearerSecret(post({ authorization: 'Bearer upload-token-new-012' }), secrets)).toEqual({ ok: false, reason: 'the bearer token matches none of the instance secrets' });
    expect(verifyBearerSecret(post({}), secrets)).toEqual({ ok: false, reason: 'missing Authorization: Bearer <token> header' });
  });

  it('matches nothing when the instance has no secret', () => {
    expect(verifyBearerSecret(post({ authorization: 'Bearer upload-token-new-0123' }), [])).toMatchObject({ ok: false });
  });

  it('reads the other headers it is given only when there is no bearer token', () => {
    const check = { headers: ['x-hub-token'], missing: 'no token', mismatch: 'wrong token' };
    expect(verifyBearerSecret(post({ 'x-hub-token': ' upload-token-old-0123 ' }), secrets, check)).toEqual({ ok: true });
    expect(verifyBearerSecret(post({ authorization: 'Bearer guessed', 'x-hub-token': 'upload-token-old-0123' }), secrets, check)).toEqual({ ok: false, reason: 'wrong token' });
    expect(verifyBearerSecret(post({ authorization: 'Basic dG9rZW4=' }), secrets, check)).toEqual({ ok: false, reason: 'no token' });
    expect(verifyBearerSecret(post({ 'x-hub-token': 'upload-token-old-0123' }), secrets)).toMatchObject({ ok: false, reason: 'missing Authorization: Bearer <token> header' });
  });
});
