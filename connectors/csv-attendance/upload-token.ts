import { createHash, timingSafeEqual } from 'node:crypto';
import type { InboundRequest, VerifyResult } from '../../src/connector-sdk/index';

/**
 * The optional shared token of an upload: `Authorization: Bearer <token>` or `X-Hub-Token: <token>`,
 * checked against each of the instance's secrets in constant time (both sides hashed first, so
 * neither the length nor the content leaks). No secrets configured: no check.
 */
export function verifyUploadToken(request: InboundRequest, secrets: readonly string[]): VerifyResult {
  if (secrets.length === 0) return { ok: true };
  const bearer = /^Bearer\s+(.+)$/i.exec(request.headers.authorization ?? '')?.[1]?.trim();
  const token = bearer ?? request.headers['x-hub-token']?.trim();
  if (!token) return { ok: false, reason: 'missing upload token: send "Authorization: Bearer <token>" or "X-Hub-Token: <token>"' };
  const given = digest(token);
  return secrets.some((secret) => timingSafeEqual(digest(secret), given)) ? { ok: true } : { ok: false, reason: 'the upload token does not match' };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
