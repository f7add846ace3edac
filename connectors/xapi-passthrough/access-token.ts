import { createHmac, timingSafeEqual } from 'node:crypto';
import type { VerifyResult } from '../../src/connector-sdk';

/**
 * Access tokens for the OAuth2 client-credentials grant: compact JWTs (HS256) signed with the
 * instance's client secret, naming the instance (`aud`) and the client (`sub`). Nothing is kept:
 * any hub process with the same config checks a token another process gave out, and a new
 * client secret ends every token signed with the old one.
 */
export interface TokenClaims {
  /** The instance id: a token is good at its own instance only. */
  aud: string;
  /** The client id. */
  sub: string;
  iat: number;
  exp: number;
}

const HEADER = base64url(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));

export function signAccessToken(claims: TokenClaims, clientSecret: string): string {
  const unsigned = `${HEADER}.${base64url(JSON.stringify(claims))}`;
  return `${unsigned}.${signature(unsigned, clientSecret)}`;
}

/** Signature (HS256 only), audience, client and expiry against `now`. Never throws. */
export function verifyAccessToken(token: string, expected: { instanceId: string; clientId: string; clientSecret: string; now: Date }): VerifyResult {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== HEADER) return { ok: false, reason: 'the bearer token is not one this hub gave out (get one at the token endpoint)' };
  const given = Buffer.from(parts[2], 'utf8');
  const wanted = Buffer.from(signature(`${parts[0]}.${parts[1]}`, expected.clientSecret), 'utf8');
  if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) {
    return { ok: false, reason: 'the bearer token signature does not match (the client secret may have changed): get a new token' };
  }
  let claims: Partial<TokenClaims>;
  try {
    claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Partial<TokenClaims>;
  } catch {
    return { ok: false, reason: 'the bearer token is malformed' };
  }
  if (claims.aud !== expected.instanceId) return { ok: false, reason: 'the bearer token was given out for another instance' };
  if (claims.sub !== expected.clientId) return { ok: false, reason: 'the bearer token was given out to another client' };
  if (typeof claims.exp !== 'number' || claims.exp * 1000 <= expected.now.getTime()) return { ok: false, reason: 'the bearer token has expired: get a new one at the token endpoint' };
  return { ok: true };
}

function signature(unsigned: string, secret: string): string {
  return createHmac('sha256', secret).update(unsigned, 'utf8').digest('base64url');
}

function base64url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
