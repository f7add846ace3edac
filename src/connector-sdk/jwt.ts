import { createPublicKey, type JsonWebKey, verify as verifySignature } from 'node:crypto';

/**
 * RS256 JWTs checked against a JSON Web Key Set (RFC 7515/7517/7519), for sources that sign
 * their payloads (Canvas Live Events). The caller fetches the JWKS (context.http, cached in
 * context.state) and passes the JSON in: this function makes no calls and reads no clock.
 *
 * Written on node:crypto rather than `jose`: jose 6 ships ESM only, which the connectors'
 * jest (CommonJS) cannot load without a change to jest.config.js; node:crypto imports JWKs and
 * checks RSASSA-PKCS1-v1_5 natively, so nothing is lost.
 */
export interface JwtCheck {
  /** The JWKS document (`{ "keys": [...] }`) as parsed JSON. */
  jwksJson: unknown;
  /** The hub's clock. */
  now: Date;
  issuer?: string;
  audience?: string;
  /** Leeway for exp/nbf against clock skew; default 60 s. */
  clockToleranceSeconds?: number;
}

export type JwtVerdict =
  | { ok: true; claims: Record<string, unknown>; kid?: string }
  /** `unknownKey`: no key in the set matches the token's `kid`; refetch the JWKS once (keys rotate). */
  | { ok: false; reason: string; unknownKey?: boolean };

/** Whether a text has the shape of a compact JWS (three base64url parts). */
export function looksLikeJwt(text: string): boolean {
  return /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/.test(text.trim());
}

/**
 * Verifies signature (RS256 only: `none` and HMAC algorithms are refused, so a public key can
 * never be used as an HMAC secret), then `exp`, `nbf`, and `iss`/`aud` when asked. Never throws.
 */
export function verifyJwtWithJwks(token: string, check: JwtCheck): JwtVerdict {
  const parts = token.trim().split('.');
  if (parts.length !== 3 || !looksLikeJwt(token)) return { ok: false, reason: 'the token is not a compact JWT (header.payload.signature)' };
  const header = decodeJson(parts[0]);
  const claims = decodeJson(parts[1]);
  if (!header || !claims) return { ok: false, reason: 'the JWT header or payload is not base64url JSON' };
  if (header.alg !== 'RS256') return { ok: false, reason: `the JWT is signed with ${String(header.alg)}; only RS256 is accepted` };
  const kid = typeof header.kid === 'string' ? header.kid : undefined;

  const candidates = rsaKeys(check.jwksJson).filter((key) => kid === undefined || key.kid === kid);
  if (candidates.length === 0) {
    return { ok: false, unknownKey: true, reason: kid ? `no key with kid "${kid}" in the JWKS` : 'the JWKS holds no RSA signing key' };
  }
  const signed = Buffer.from(`${parts[0]}.${parts[1]}`, 'ascii');
  const signature = Buffer.from(parts[2], 'base64url');
  const valid = candidates.some((jwk) => {
    try {
      return verifySignature('RSA-SHA256', signed, createPublicKey({ key: jwk, format: 'jwk' }), signature);
    } catch {
      return false; // a malformed key in the set is skipped, not fatal
    }
  });
  if (!valid) return { ok: false, reason: 'the JWT signature does not verify with the JWKS key' };

  const problem = claimProblem(claims, check);
  if (problem) return { ok: false, reason: problem };
  return { ok: true, claims, ...(kid ? { kid } : {}) };
}

function claimProblem(claims: Record<string, unknown>, check: JwtCheck): string | undefined {
  const now = check.now.getTime() / 1000;
  const leeway = check.clockToleranceSeconds ?? 60;
  if (claims.exp !== undefined && (typeof claims.exp !== 'number' || now > claims.exp + leeway)) {
    return `the JWT expired at ${isoOf(claims.exp)}`;
  }
  if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || now < claims.nbf - leeway)) {
    return `the JWT is not valid before ${isoOf(claims.nbf)}`;
  }
  if (check.issuer !== undefined && claims.iss !== check.issuer) return `the JWT issuer is ${JSON.stringify(claims.iss)}, expected "${check.issuer}"`;
  if (check.audience !== undefined) {
    const audiences = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
    if (!audiences.includes(check.audience)) return `the JWT audience ${JSON.stringify(claims.aud)} does not include "${check.audience}"`;
  }
  return undefined;
}

function rsaKeys(jwks: unknown): (JsonWebKey & { kid?: string })[] {
  const keys = (jwks as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys)) return [];
  return keys.filter(
    (key): key is JsonWebKey & { kid?: string } =>
      key !== null && typeof key === 'object' && (key as JsonWebKey).kty === 'RSA' && ((key as JsonWebKey).use === undefined || (key as JsonWebKey).use === 'sig'),
  );
}

function decodeJson(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

function isoOf(seconds: unknown): string {
  return typeof seconds === 'number' && Number.isFinite(seconds) ? new Date(seconds * 1000).toISOString() : JSON.stringify(seconds);
}

/** A JWT's claims without checking anything: for code that runs after `verifyJwtWithJwks` accepted it. */
export function jwtClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.trim().split('.');
  return parts.length === 3 ? decodeJson(parts[1]) : undefined;
}
