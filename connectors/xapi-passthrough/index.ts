import { type ConnectorConfigProblem, defineConnector, type HandshakeReply, statements } from '../../src/connector-sdk';
import type { Statement } from '../../src/xapi/statement';
import { negotiateXapiVersion, SUPPORTED_XAPI_VERSIONS, XAPI_VERSION_HEADER } from '../../src/xapi/xapi-version';
import { XapiPassthroughConfig } from './config';
import { tokenEndpointAnswer, verifyStatementsRequest } from './credentials';
import { statementsOf } from './statements-in';

const STATEMENTS = '/xapi/statements';

/**
 * For sources that already speak xAPI (Moodle's xAPI logstore, LinkedIn Learning, 360Learning,
 * Udemy Business, SCORM players): each instance is an xAPI statements resource at
 * `/hooks/<instance>/xapi` (POST and PUT statements, GET about), with HTTP Basic or an OAuth2
 * client-credentials token endpoint at `/hooks/<instance>/oauth/token`. Each statement is one
 * event keyed by its id (kept; minted from content when absent), with actors normalised, and
 * goes on to the destinations like any other event.
 */
export const connector = defineConnector<XapiPassthroughConfig>({
  id: 'xapi-passthrough',
  name: 'xAPI pass-through',
  description: 'An xAPI statements endpoint per instance (Basic or OAuth2 client credentials) for sources that already send xAPI.',
  configSchema: XapiPassthroughConfig,
  subPaths: [STATEMENTS, '/xapi/about', '/oauth/token'],

  checkConfig(config) {
    const problems: ConnectorConfigProblem[] = [];
    if (Boolean(config.key) !== Boolean(config.secret)) problems.push({ path: config.key ? 'secret' : 'key', reason: 'give key and secret together (HTTP Basic)' });
    if (Boolean(config.clientId) !== Boolean(config.clientSecret)) {
      problems.push({ path: config.clientId ? 'clientSecret' : 'clientId', reason: 'give clientId and clientSecret together (OAuth2 client credentials)' });
    }
    if (!config.key && !config.secret && !config.clientId && !config.clientSecret) problems.push({ path: 'key', reason: 'give key + secret (HTTP Basic) or clientId + clientSecret (OAuth2), or both: the endpoint is never open' });
    return problems;
  },

  handshake(request, { config, instanceId, now }): HandshakeReply | undefined {
    const path = request.path ?? '';
    if (path === '/oauth/token') return tokenEndpointAnswer(request, config, instanceId, now);
    // xAPI 1.0.3 Communication §2.8: About needs no credentials.
    if (path === '/xapi/about') return { status: 200, body: { version: [...SUPPORTED_XAPI_VERSIONS] }, headers: { [XAPI_VERSION_HEADER]: '1.0.3' } };
    if (path !== STATEMENTS) {
      return { status: 404, body: { error: `this instance is an xAPI endpoint: send statements to /hooks/${instanceId}${STATEMENTS}`, details: [] } };
    }
    return undefined;
  },

  verify(request, { config, instanceId, now }) {
    return verifyStatementsRequest(request, config, instanceId, now);
  },

  split(request, { instanceId }) {
    return statementsOf(request, instanceId).statements.map((statement) => ({ key: statement.id!, body: statement }));
  },

  map(event) {
    // Checked at the door; the host validates again for each destination's xAPI version.
    return statements([{ subKey: 'statement', statement: event.body as Statement }]);
  },

  // xAPI answers: POST → 200 with the ids in the order sent; PUT → 204 (Communication §2.1.2, §2.1.1).
  reply(accepted, request) {
    const headers = { [XAPI_VERSION_HEADER]: negotiateXapiVersion(request.headers[XAPI_VERSION_HEADER.toLowerCase()]) ?? '1.0.3' };
    if (request.method === 'PUT') return { status: 204, body: '', headers };
    return { status: 200, body: accepted.events.map((e) => e.key), headers };
  },
});
