import { createHash, timingSafeEqual } from 'node:crypto';
import type { HandshakeReply, InboundRequest, VerifyResult } from '../../src/connector-sdk';
import { formBody, mediaTypeOf } from '../../src/connector-sdk';
import { signAccessToken, verifyAccessToken } from './access-token';
import type { XapiPassthroughConfig } from './config';

/** `Authorization: Basic` as user and password, or undefined. */
export function basicCredentials(request: InboundRequest): { user: string; password: string } | undefined {
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(request.headers.authorization ?? '');
  if (!match) return undefined;
  const text = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = text.indexOf(':');
  return colon < 0 ? undefined : { user: text.slice(0, colon), password: text.slice(colon + 1) };
}

/** Equal texts, compared in constant time (both hashed first, so the length does not leak either). */
export function sameSecret(given: string, expected: string): boolean {
  return timingSafeEqual(digest(given), digest(expected));
}

/**
 * A statements request: HTTP Basic with the instance's key and secret, or a bearer token from
 * its token endpoint. Never throws.
 */
export function verifyStatementsRequest(request: InboundRequest, config: XapiPassthroughConfig, instanceId: string, now: Date): VerifyResult {
  const header = request.headers.authorization ?? '';
  const bearer = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
  if (bearer) {
    if (!config.clientId || !config.clientSecret) return { ok: false, reason: 'this instance gives out no tokens (no clientId/clientSecret): use HTTP Basic with its key and secret' };
    return verifyAccessToken(bearer, { instanceId, clientId: config.clientId, clientSecret: config.clientSecret, now });
  }
  const basic = basicCredentials(request);
  if (basic) {
    if (!config.key || !config.secret) return { ok: false, reason: 'this instance takes no HTTP Basic credentials (no key/secret): get a token at its token endpoint' };
    // Both compared, always: which one was wrong is not told.
    const keyOk = sameSecret(basic.user, config.key);
    const secretOk = sameSecret(basic.password, config.secret);
    return keyOk && secretOk ? { ok: true } : { ok: false, reason: 'the LRS key or secret does not match' };
  }
  return { ok: false, reason: 'send Authorization: Basic <key:secret> or Bearer <token from POST /hooks/<instance>/oauth/token>' };
}

const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' };

/**
 * `POST /hooks/<instance>/oauth/token` — the OAuth2 client-credentials grant (RFC 6749 §4.4):
 * `grant_type=client_credentials` with the client id and secret in the form or in HTTP Basic
 * (§2.3.1). Answers a signed access token, or the RFC's error JSON (§5.2).
 */
export function tokenEndpointAnswer(request: InboundRequest, config: XapiPassthroughConfig, instanceId: string, now: Date): HandshakeReply {
  const error = (status: number, code: string, description: string, headers: Record<string, string> = {}): HandshakeReply => ({
    status,
    body: { error: code, error_description: description },
    headers: { ...NO_STORE, ...headers },
  });
  if (request.method !== 'POST') return error(405, 'invalid_request', 'the token endpoint takes POST');
  if (!config.clientId || !config.clientSecret) return error(401, 'invalid_client', 'this instance has no OAuth client (clientId/clientSecret); use HTTP Basic');
  if (mediaTypeOf(request) !== 'application/x-www-form-urlencoded') {
    return error(400, 'invalid_request', 'send the request as a form (Content-Type: application/x-www-form-urlencoded)');
  }
  const form = formBody(request);
  if (form.grant_type !== 'client_credentials') return error(400, 'unsupported_grant_type', 'only grant_type=client_credentials is supported');
  const basic = basicCredentials(request);
  const clientId = basic?.user ?? form.client_id;
  const clientSecret = basic?.password ?? form.client_secret;
  if (!clientId || !clientSecret) return error(400, 'invalid_request', 'send client_id and client_secret (in the form, or as HTTP Basic)');
  const idOk = sameSecret(clientId, config.clientId);
  const secretOk = sameSecret(clientSecret, config.clientSecret);
  if (!idOk || !secretOk) return error(401, 'invalid_client', 'the client id or secret does not match', basic ? { 'WWW-Authenticate': 'Basic realm="xapi-hub"' } : {});
  const iat = Math.floor(now.getTime() / 1000);
  const token = signAccessToken({ aud: instanceId, sub: config.clientId, iat, exp: iat + config.tokenLifetimeSeconds }, config.clientSecret);
  return { status: 200, body: { access_token: token, token_type: 'Bearer', expires_in: config.tokenLifetimeSeconds }, headers: NO_STORE };
}

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
