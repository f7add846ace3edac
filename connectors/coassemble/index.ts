import { defineConnector, jsonBody, verifyHmacWithAnySecret, verifyTimestampWindow } from '../../src/connector-sdk';
import { readCoassembleEvent } from './coassemble.event';
import { mapCoassembleEvent } from './coassemble.mapping';
import { CoassembleConfig } from './config';

/**
 * Coassemble webhooks (course.completed, course.commenced). Coassemble signs
 * `<X-Coassemble-Timestamp>.<raw body>` with HMAC-SHA256 under the endpoint's signing secret
 * and sends `X-Coassemble-Signature: sha256=<hex>`.
 */
export const connector = defineConnector<CoassembleConfig>({
  id: 'coassemble',
  name: 'Coassemble',
  description: 'Course completions and starts from Coassemble webhooks (X-Coassemble-Signature).',
  configSchema: CoassembleConfig,

  verify(request, { secrets, now, config }) {
    if (secrets.length === 0) return { ok: false, reason: 'no signing secret is configured for this instance: add the Coassemble endpoint secret to its secrets' };
    const timestamp = request.headers['x-coassemble-timestamp'];
    const fresh = verifyTimestampWindow(timestamp, now, config.toleranceSeconds);
    if (!fresh.ok) return { ok: false, reason: `X-Coassemble-Timestamp: ${fresh.reason}` };
    // The signed text is the timestamp, a dot, then the exact bytes of the body.
    const payload = Buffer.concat([Buffer.from(`${timestamp}.`, 'utf8'), request.rawBody]);
    return verifyHmacWithAnySecret(secrets, { payload, signature: request.headers['x-coassemble-signature'], prefix: 'sha256=', encoding: 'hex', headerName: 'X-Coassemble-Signature' });
  },

  split(request) {
    const body = jsonBody(request);
    const event = readCoassembleEvent(body, request.headers['x-coassemble-delivery']);
    return [{ key: event.id, body }];
  },

  map(stored, { config }) {
    return mapCoassembleEvent(readCoassembleEvent(stored.body, stored.key), { baseUrl: config.baseUrl, learnerHomePage: config.learnerHomePage ?? config.baseUrl });
  },
});
