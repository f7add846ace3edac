import { createHmac, timingSafeEqual } from 'node:crypto';
import type { VerifyResult } from './connector';

export interface HmacCheck {
  secret: string | undefined;
  /** The bytes that were signed. */
  payload: Buffer | undefined;
  /** The signature as the source sent it. */
  signature: string | undefined;
  algorithm?: 'sha256' | 'sha1' | 'sha512';
  encoding?: 'hex' | 'base64';
  /** Text the source puts before the digest, e.g. `sha256=` (GitHub) or `v0=` (Slack). */
  prefix?: string;
  /** Header name, only to make the reason actionable. */
  headerName?: string;
}

/**
 * Checks an HMAC signature over raw bytes in constant time. Never throws: every failure is
 * a reason a person can act on, and none of them reveals the expected signature.
 */
export function verifyHmacSignature(check: HmacCheck): VerifyResult {
  const header = check.headerName ?? 'signature header';
  if (!check.secret) return { ok: false, reason: 'no signing secret is configured for this instance' };
  if (!check.payload) return { ok: false, reason: 'the request has no body to verify' };
  if (!check.signature) return { ok: false, reason: `missing ${header}` };
  const prefix = check.prefix ?? '';
  if (!check.signature.startsWith(prefix)) return { ok: false, reason: `${header} must start with "${prefix}"` };

  const encoding = check.encoding ?? 'hex';
  const expected = createHmac(check.algorithm ?? 'sha256', check.secret).update(check.payload).digest();
  const given = decodeDigest(check.signature.slice(prefix.length).trim(), encoding);
  if (!given || given.length !== expected.length) {
    return { ok: false, reason: `${header} is malformed: expected a ${encoding} ${check.algorithm ?? 'sha256'} HMAC` };
  }
  return timingSafeEqual(given, expected)
    ? { ok: true }
    : { ok: false, reason: `${header} does not match the body; check the shared secret` };
}

/**
 * The same check with each of the instance's active secrets (several during a rotation): ok
 * when one of them signed the payload, else the last secret's reason. With no secret at all,
 * the reason says that none is configured.
 */
export function verifyHmacWithAnySecret(secrets: readonly string[], check: Omit<HmacCheck, 'secret'>): VerifyResult {
  let verdict = verifyHmacSignature({ ...check, secret: secrets[0] });
  for (const secret of secrets.slice(1)) {
    if (verdict.ok) return verdict;
    verdict = verifyHmacSignature({ ...check, secret });
  }
  return verdict;
}

function decodeDigest(text: string, encoding: 'hex' | 'base64'): Buffer | undefined {
  if (encoding === 'hex' && !/^[0-9a-fA-F]+$/.test(text)) return undefined;
  if (encoding === 'base64' && !/^[A-Za-z0-9+/=_-]+$/.test(text)) return undefined;
  return Buffer.from(text, encoding);
}

/** Rejects replays: the source's timestamp must be within `windowSeconds` of now. */
export function verifyTimestampWindow(timestampSeconds: string | undefined, now: Date, windowSeconds = 300): VerifyResult {
  if (!timestampSeconds) return { ok: false, reason: 'missing request timestamp' };
  const sent = Number(timestampSeconds);
  if (!Number.isFinite(sent)) return { ok: false, reason: 'request timestamp is not a number of seconds' };
  const skew = Math.abs(now.getTime() / 1000 - sent);
  return skew <= windowSeconds
    ? { ok: true }
    : { ok: false, reason: `request timestamp is ${Math.round(skew)} s from the hub's clock (limit ${windowSeconds} s); replayed or clock skew` };
}
