import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Whether `given` equals one of the instance's active secrets, compared in constant time
 * (over SHA-256 digests, so neither the length nor a prefix leaks). Graph's `clientState`,
 * Google's `X-Goog-Channel-Token` and the ICS upload token are all shared values of this kind.
 */
export function matchesAnySecret(given: string | undefined, secrets: readonly string[]): boolean {
  if (given === undefined || given === '') return false;
  const digest = sha256(given);
  // Every secret is compared, match or not, so the time taken does not tell which one matched.
  return secrets.reduce((matched, secret) => timingSafeEqual(digest, sha256(secret)) || matched, false);
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
