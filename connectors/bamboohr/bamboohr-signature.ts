import { type InboundRequest, verifyHmacWithAnySecret, verifyTimestampWindow, type VerifyResult } from '../../src/connector-sdk';

const WINDOW_SECONDS = 300;

/**
 * BambooHR's webhook signing (documentation.bamboohr.com/docs/webhooks, "Security"):
 * `X-BambooHR-Signature` is the hex HMAC-SHA256, under the webhook's private key, of the raw
 * body followed directly by the `X-BambooHR-Timestamp` value. The timestamp must be within five
 * minutes of the hub's clock (BambooHR documents no format beyond "the timestamp": both Unix
 * seconds and ISO 8601 are taken). Every active secret is tried, each in constant time.
 */
export function verifyBambooHrSignature(request: InboundRequest, now: Date, secrets: readonly string[]): VerifyResult {
  if (secrets.length === 0) return { ok: false, reason: 'no BambooHR private key is configured for this instance (secrets: in hub.yaml)' };
  const timestamp = request.headers['x-bamboohr-timestamp'];
  if (timestamp === undefined || timestamp.trim() === '') return { ok: false, reason: 'missing X-BambooHR-Timestamp header' };
  const seconds = secondsOf(timestamp.trim());
  if (seconds === undefined) return { ok: false, reason: 'X-BambooHR-Timestamp is neither Unix seconds nor an ISO 8601 time' };
  const fresh = verifyTimestampWindow(String(seconds), now, WINDOW_SECONDS);
  if (!fresh.ok) return fresh;

  const payload = Buffer.concat([request.rawBody, Buffer.from(timestamp, 'utf8')]);
  return verifyHmacWithAnySecret(secrets, { payload, signature: request.headers['x-bamboohr-signature'], headerName: 'X-BambooHR-Signature' });
}

function secondsOf(text: string): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  // BambooHR writes offsets without a colon (+0000); ISO 8601 allows both.
  const time = Date.parse(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return Number.isNaN(time) ? undefined : Math.floor(time / 1000);
}
