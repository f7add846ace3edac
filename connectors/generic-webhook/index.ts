import { createHash } from 'node:crypto';
import {
  defineConnector,
  ignored,
  jsonBody,
  MappingError,
  RequestRejectedError,
  statements,
  verifyHmacWithAnySecret,
} from '../../src/connector-sdk';
import type { Statement } from '../../src/xapi/statement';
import { DEFAULT_SIGNATURE_HEADER, DEFAULT_SIGNATURE_PREFIX, GenericWebhookConfig } from './config';

/**
 * Any JSON webhook, mapped by an admin-written JSONata expression: a new source wired
 * without code. The mapping and the event-key expression are compiled when the config
 * loads and evaluated in the host's time-limited sandbox.
 */
export const connector = defineConnector<GenericWebhookConfig>({
  id: 'generic-webhook',
  name: 'Generic JSON webhook',
  description: 'Maps any JSON webhook to xAPI statements with a JSONata expression.',
  configSchema: GenericWebhookConfig,

  checkConfig(config, expressions) {
    return (['mapping', 'eventKey'] as const).flatMap((field) => {
      const expression = config[field];
      const problem = expression === undefined ? undefined : expressions.check(expression);
      return problem ? [{ path: field, reason: `is not valid JSONata: ${problem}` }] : [];
    });
  },

  verify(request, { config, secrets }) {
    // The config's own secret, then the instance's rotation list: any one of them may have signed.
    const candidates = [...(config.secret ? [config.secret] : []), ...secrets];
    if (candidates.length === 0) return { ok: true };
    const headerName = (config.signatureHeader ?? DEFAULT_SIGNATURE_HEADER).toLowerCase();
    return verifyHmacWithAnySecret(candidates, {
      payload: request.rawBody,
      signature: request.headers[headerName],
      prefix: config.signaturePrefix ?? DEFAULT_SIGNATURE_PREFIX,
      encoding: config.signatureEncoding ?? 'hex',
      headerName,
    });
  },

  async split(request, { config, expressions }) {
    const body = jsonBody(request);
    if (config.eventKey === undefined) return [{ key: sha256(request.rawBody), body }];
    let key: unknown;
    try {
      key = await expressions.evaluate(config.eventKey, body);
    } catch (error) {
      throw new RequestRejectedError(422, `cannot take the event's key: ${(error as Error).message}`);
    }
    if (typeof key === 'number') key = String(key);
    if (typeof key !== 'string' || key === '') {
      throw new RequestRejectedError(422, `cannot take the event's key: the eventKey expression gave ${describe(key)}; it must give a non-empty string or a number`);
    }
    return [{ key, body }];
  },

  async map(event, { config, expressions, instanceId }) {
    const result = await expressions.evaluate(config.mapping, event.body, { instanceId, eventKey: event.key, receivedAt: event.receivedAt });
    if (result === undefined || result === null) return ignored('the mapping gave nothing for this event');
    const list = Array.isArray(result) ? result : [result];
    list.forEach((statement, index) => {
      if (statement === null || typeof statement !== 'object' || Array.isArray(statement)) {
        throw new MappingError(`the mapping gave ${describe(statement)} at position ${index}; each item must be a statement object`);
      }
    });
    // Sub-keys are positions: the ids stay those the hub minted before sub-keys existed.
    return statements(list.map((statement, index) => ({ subKey: String(index), statement: statement as Statement })));
  },
});

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return value === null ? 'null' : `a ${typeof value}`;
}
