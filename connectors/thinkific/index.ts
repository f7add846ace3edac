import { defineConnector, jsonBody, verifyHmacWithAnySecret } from '../../src/connector-sdk';
import { ThinkificConfig } from './config';
import { readThinkificEvent } from './thinkific.event';
import { mapThinkificEvent } from './thinkific.mapping';

const SIGNATURE_HEADER = 'x-thinkific-hmac-sha256';

/**
 * Thinkific webhooks: enrollment completed and progress. Thinkific signs each request with a
 * hex HMAC-SHA256 of the raw body, keyed on the site's API key (or an app's client secret).
 */
export const connector = defineConnector<ThinkificConfig>({
  id: 'thinkific',
  name: 'Thinkific',
  description: 'Course completions and progress from Thinkific enrollment webhooks (X-Thinkific-Hmac-Sha256).',
  configSchema: ThinkificConfig,

  verify(request, { secrets }) {
    if (secrets.length === 0) return { ok: false, reason: 'no signing key is configured for this instance: add the Thinkific API key (or app client secret) to its secrets' };
    return verifyHmacWithAnySecret(secrets, { payload: request.rawBody, signature: request.headers[SIGNATURE_HEADER], encoding: 'hex', headerName: 'X-Thinkific-Hmac-Sha256' });
  },

  split(request) {
    const body = jsonBody(request);
    const event = readThinkificEvent(body);
    return [{ key: event.id, body }];
  },

  map(stored, { config }) {
    return mapThinkificEvent(readThinkificEvent(stored.body), config.siteUrl);
  },
});
