import { createHash, timingSafeEqual } from 'node:crypto';
import type { VerifyResult } from './connector';
import type { InboundRequest } from './inbound-request';

/**
 * Whether `given` equals one of the instance's active secrets, compared in constant time
 * (over SHA-256 digests, so neither the length nor a prefix leaks). Graph's `clientState`,
 * Google's `X-Goog-Channel-Token`, a bearer upload token and a token in the body (Moodle's
 * local_webhooks, Canvas's `?token=`) are all shared values of this kind.
 */
export function matchesAnySecret(given: string | undefined, secrets: readonly string[]): boolean {
  if (given === undefined || given === '') return false;
  const digest = sha256(given);
  // Every secret is compared, match or not, so the time taken does not tell which one matched.
  return secrets.reduce((matched, secret) => timingSafeEqual(digest, sha256(secret)) || matched, false);
}

/** The token of an `Authorization: Bearer <token>` header (scheme case-insensitive), or undefined. */
export function bearerTokenOf(request: InboundRequest): string | undefined {
  return /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim() || undefined;
}

export interface BearerSecretCheck {
  /** Lower-case headers that may carry the bare token instead of `Authorization: Bearer` (e.g. `x-hub-token`). */
  headers?: readonly string[];
  /** The reason when no token was sent; default `missing Authorization: Bearer <token> header`. */
  missing?: string;
  /** The reason when the token matches no secret; default `the bearer token matches none of the instance secrets`. */
  mismatch?: string;
}

/**
 * A shared token sent as `Authorization: Bearer <token>` (or in one of `check.headers`),
 * checked against every active secret (rotation) in constant time. What an instance with no
 * secret does is the connector's own decision: check `secrets.length` before calling this.
 */
export function verifyBearerSecret(request: InboundRequest, secrets: readonly string[], check: BearerSecretCheck = {}): VerifyResult {
  const token = bearerTokenOf(request) ?? (check.headers ?? []).map((name) => request.headers[name]?.trim()).find((value) => !!value);
  if (!token) return { ok: false, reason: check.missing ?? 'missing Authorization: Bearer <token> header' };
  return matchesAnySecret(token, secrets) ? { ok: true } : { ok: false, reason: check.mismatch ?? 'the bearer token matches none of the instance secrets' };
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
