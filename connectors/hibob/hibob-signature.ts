import { type InboundRequest, verifyHmacWithAnySecret, type VerifyResult } from '../../src/connector-sdk';

/**
 * Bob's webhook signing (apidocs.hibob.com/docs/working-with-webhooks, "Authenticate your events"):
 * `Bob-Signature` is the Base64 HMAC-SHA512 of the request payload under the webhook's secret.
 * Bob sends no timestamp, so there is no replay window to check: a replayed event has the same
 * event key and the inbox takes it once. Every active secret is tried, each in constant time.
 */
export function verifyBobSignature(request: InboundRequest, secrets: readonly string[]): VerifyResult {
  if (secrets.length === 0) return { ok: false, reason: 'no HiBob webhook secret is configured for this instance (secrets: in hub.yaml)' };
  return verifyHmacWithAnySecret(secrets, { payload: request.rawBody, signature: request.headers['bob-signature'], algorithm: 'sha512', encoding: 'base64', headerName: 'Bob-Signature' });
}
