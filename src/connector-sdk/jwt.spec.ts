import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { jwtClaims, looksLikeJwt, verifyJwtWithJwks } from './jwt';

const keyPair = (kid: string) => {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { privateKey, jwk: { ...publicKey.export({ format: 'jwk' }), kid, alg: 'RS256', use: 'sig' } };
};
const current = keyPair('2026-11');
const next = keyPair('2026-12');
const jwks = { keys: [current.jwk, next.jwk] };
const now = new Date('2026-11-27T12:00:00Z');
const nowSeconds = now.getTime() / 1000;

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
function jwt(claims: object, options: { kid?: string; key?: typeof current.privateKey; alg?: string } = {}): string {
  const head = b64({ alg: options.alg ?? 'RS256', typ: 'JWT', ...(options.kid === undefined ? { kid: '2026-11' } : options.kid ? { kid: options.kid } : {}) });
  const body = b64(claims);
  const signature = sign('RSA-SHA256', Buffer.from(`${head}.${body}`), options.key ?? current.privateKey).toString('base64url');
  return `${head}.${body}.${signature}`;
}

describe('verifyJwtWithJwks', () => {
  const claims = { iss: 'canvas', aud: 'hub', iat: nowSeconds - 5, exp: nowSeconds + 3600, metadata: { event_name: 'grade_change' } };

  it('accepts an RS256 token signed by the key its kid names, and returns its claims', () => {
    expect(verifyJwtWithJwks(jwt(claims), { jwksJson: jwks, now, issuer: 'canvas', audience: 'hub' })).toEqual({ ok: true, claims, kid: '2026-11' });
    expect(verifyJwtWithJwks(jwt(claims, { kid: '2026-12', key: next.privateKey }), { jwksJson: jwks, now })).toMatchObject({ ok: true });
  });

  it('tries every RSA key when the token has no kid', () => {
    expect(verifyJwtWithJwks(jwt(claims, { kid: '', key: next.privateKey }), { jwksJson: jwks, now })).toMatchObject({ ok: true });
  });

  it('refuses a token signed by another key', () => {
    const stranger = keyPair('2026-11');
    expect(verifyJwtWithJwks(jwt(claims, { key: stranger.privateKey }), { jwksJson: jwks, now })).toEqual({
      ok: false,
      reason: 'the JWT signature does not verify with the JWKS key',
    });
  });

  it('refuses a tampered payload', () => {
    const [head, , signature] = jwt(claims).split('.');
    const forged = `${head}.${b64({ ...claims, metadata: { event_name: 'course_completed' } })}.${signature}`;
    expect(verifyJwtWithJwks(forged, { jwksJson: jwks, now })).toMatchObject({ ok: false, reason: expect.stringContaining('signature') });
  });

  it('says the key is unknown when no kid matches, so the caller refetches the JWKS', () => {
    expect(verifyJwtWithJwks(jwt(claims, { kid: '2027-01' }), { jwksJson: jwks, now })).toEqual({
      ok: false,
      unknownKey: true,
      reason: 'no key with kid "2027-01" in the JWKS',
    });
    expect(verifyJwtWithJwks(jwt(claims), { jwksJson: { nope: 1 }, now })).toMatchObject({ ok: false, unknownKey: true });
  });

  it('refuses expired and not-yet-valid tokens beyond the leeway', () => {
    expect(verifyJwtWithJwks(jwt({ ...claims, exp: nowSeconds - 61 }), { jwksJson: jwks, now })).toMatchObject({ ok: false, reason: expect.stringContaining('expired') });
    expect(verifyJwtWithJwks(jwt({ ...claims, exp: nowSeconds - 30 }), { jwksJson: jwks, now })).toMatchObject({ ok: true });
    expect(verifyJwtWithJwks(jwt({ ...claims, nbf: nowSeconds + 120 }), { jwksJson: jwks, now })).toMatchObject({ ok: false, reason: expect.stringContaining('not valid before') });
  });

  it('checks issuer and audience only when asked', () => {
    expect(verifyJwtWithJwks(jwt(claims), { jwksJson: jwks, now, issuer: 'other' })).toMatchObject({ ok: false, reason: expect.stringContaining('issuer') });
    expect(verifyJwtWithJwks(jwt({ ...claims, aud: ['a', 'hub'] }), { jwksJson: jwks, now, audience: 'hub' })).toMatchObject({ ok: true });
    expect(verifyJwtWithJwks(jwt(claims), { jwksJson: jwks, now, audience: 'lrs' })).toMatchObject({ ok: false, reason: expect.stringContaining('audience') });
  });

  it('refuses alg none and HS256 (a public key is never an HMAC secret)', () => {
    const head = b64({ alg: 'none', kid: '2026-11' });
    expect(verifyJwtWithJwks(`${head}.${b64(claims)}.x`, { jwksJson: jwks, now })).toMatchObject({ ok: false, reason: expect.stringContaining('only RS256') });
    const hsHead = b64({ alg: 'HS256', kid: '2026-11' });
    const mac = createHmac('sha256', JSON.stringify(current.jwk)).update(`${hsHead}.${b64(claims)}`).digest('base64url');
    expect(verifyJwtWithJwks(`${hsHead}.${b64(claims)}.${mac}`, { jwksJson: jwks, now })).toMatchObject({ ok: false, reason: expect.stringContaining('only RS256') });
  });

  it('never throws on garbage', () => {
    for (const token of ['', 'a.b', 'a.b.c', '{"metadata":{}}', `${b64({ alg: 'RS256' })}.!!.x`]) {
      expect(verifyJwtWithJwks(token, { jwksJson: jwks, now }).ok).toBe(false);
    }
  });

  it('tells a JWT from a JSON body and reads claims', () => {
    expect(looksLikeJwt(jwt(claims))).toBe(true);
    expect(looksLikeJwt('{"a":1}')).toBe(false);
    expect(jwtClaims(jwt(claims))).toEqual(claims);
  });
});
