import { createHash } from 'node:crypto';
import { defineConnector, MappingError, type InboundRequest } from '../../src/connector-sdk/connector';
import { verifyHmacSignature } from '../../src/connector-sdk/hmac-signature';
import { checkExpression, JsonataCompileError } from '../../src/connector-sdk/jsonata';
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

  checkConfig(config) {
    return (['mapping', 'eventKey'] as const).flatMap((field) => {
      const expression = config[field];
      if (expression === undefined) return [];
      try {
        checkExpression(expression);
        return [];
      } catch (error) {
        if (error instanceof JsonataCompileError) return [{ path: field, reason: `is not valid JSONata: ${error.message}` }];
        throw error;
      }
    });
  },

  verify(request: InboundRequest, config) {
    if (config.secret === undefined) return { ok: true };
    const headerName = (config.signatureHeader ?? DEFAULT_SIGNATURE_HEADER).toLowerCase();
    return verifyHmacSignature({
      secret: config.secret,
      payload: request.rawBody,
      signature: request.headers[headerName],
      prefix: config.signaturePrefix ?? DEFAULT_SIGNATURE_PREFIX,
      encoding: config.signatureEncoding ?? 'hex',
      headerName,
    });
  },

  async eventKey(event, request, { config, expressions }) {
    if (config.eventKey === undefined) return sha256(request.rawBody);
    const key = await expressions.evaluate(config.eventKey, event);
    if (typeof key === 'string' && key !== '') return key;
    if (typeof key === 'number') return String(key);
    throw new MappingError(`the eventKey expression gave ${describe(key)}; it must give a non-empty string or a number`);
  },

  async toStatements(event, { config, expressions, instanceId, eventKey, receivedAt }) {
    const result = await expressions.evaluate(config.mapping, event, { instanceId, eventKey, receivedAt });
    if (result === undefined || result === null) return [];
    const statements = Array.isArray(result) ? result : [result];
    statements.forEach((statement, index) => {
      if (statement === null || typeof statement !== 'object' || Array.isArray(statement)) {
        throw new MappingError(`the mapping gave ${describe(statement)} at position ${index}; each item must be a statement object`);
      }
    });
    return statements as Statement[];
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
