import { createHmac } from 'node:crypto';

/**
 * The headers a source signs its webhook with, computed as the source does, so e2e tests go
 * through the connector's real verification.
 */

/** Slack: `v0=` HMAC-SHA256 of `v0:<timestamp>:<body>`, timestamped now (Slack refuses stale ones). */
export function slackSignedHeaders(secret: string, body: string): Record<string, string> {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const signature = `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
  return { 'x-slack-request-timestamp': timestamp, 'x-slack-signature': signature };
}

/** BambooHR: hex HMAC-SHA256 of body + timestamp, timestamped now in BambooHR's `+0000` form. */
export function bambooHrSignedHeaders(secret: string, body: string): Record<string, string> {
  const timestamp = new Date().toISOString().replace(/\.\d{3}Z$/, '+0000');
  const signature = createHmac('sha256', secret).update(body + timestamp).digest('hex');
  return { 'x-bamboohr-timestamp': timestamp, 'x-bamboohr-signature': signature };
}
