import { type InboundRequest, verifyHmacWithAnySecret, verifyTimestampWindow, type VerifyResult } from '../../src/connector-sdk';

/** Slack refuses requests older than five minutes; so do we (replay protection). */
const WINDOW_SECONDS = 300;

/**
 * Slack's request signing (https://api.slack.com/authentication/verifying-requests-from-slack):
 * `X-Slack-Signature: v0=` + hex HMAC-SHA256 of `v0:<X-Slack-Request-Timestamp>:<raw body>`
 * with the app's signing secret. Every active secret is tried (two during a rotation), each
 * compared in constant time. Never throws: the reason says what to fix.
 */
export function verifySlackSignature(request: InboundRequest, now: Date, secrets: readonly string[]): VerifyResult {
  if (secrets.length === 0) return { ok: false, reason: 'no Slack signing secret is configured for this instance (secrets: in hub.yaml)' };
  const timestamp = request.headers['x-slack-request-timestamp'];
  if (timestamp === undefined) return { ok: false, reason: 'missing X-Slack-Request-Timestamp header' };
  if (!/^\d+$/.test(timestamp)) return { ok: false, reason: 'X-Slack-Request-Timestamp must be whole seconds since 1970' };
  const fresh = verifyTimestampWindow(timestamp, now, WINDOW_SECONDS);
  if (!fresh.ok) return fresh;

  const payload = Buffer.concat([Buffer.from(`v0:${timestamp}:`, 'utf8'), request.rawBody]);
  return verifyHmacWithAnySecret(secrets, { payload, signature: request.headers['x-slack-signature'], prefix: 'v0=', headerName: 'X-Slack-Signature' });
}
