import type { IncomingMessage } from 'node:http';
import { Readable } from 'node:stream';
import { headerValue, mediaTypeOf } from '../../http/headers';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { negotiateXapiVersion, XAPI_VERSION_HEADER } from '../../xapi/xapi-version';
import { type AlternateRouting, parseAlternateForm, routeAlternateRequest } from './xapi-protocol.alternate-syntax';
import { ResponseVersions } from './xapi-protocol.version';

/**
 * HTTP rules every /xapi request and response share, as Fastify hooks around the Nest
 * routes: the Alternate Request Syntax (xAPI 1.0.3 Communication §1.3, gone in 2.0), the
 * X-Experience-API-Version response header (§3.3), and the statements' Content-Type (§1.5).
 * HEAD is Fastify's (exposeHeadRoutes: every GET route answers HEAD without a body) and
 * `Date` is Node's (one per response).
 */

const ALTERNATE = Symbol('xapi.alternate');
type RawRequest = IncomingMessage & { [ALTERNATE]?: AlternateRouting & { kind: 'rewrite' | 'reject' } };

/** `type/subtype[; parameters]` with RFC 9110 token characters. */
const MEDIA_TYPE = /^\s*[\w!#$%&'*+.^`|~-]+\/[\w!#$%&'*+.^`|~-]+\s*(;.*)?$/;

export function isXapiUrl(url: string): boolean {
  return /^\/xapi(\/|\?|$)/.test(url);
}

/**
 * Fastify's `rewriteUrl` (runs before routing, the only point where the method can still
 * change): `POST /xapi/…?method=PUT` is routed as `PUT /xapi/…`; the form body is unpacked
 * later, in preParsing. A malformed alternate request is marked and refused in onRequest.
 */
export function rewriteXapiUrl(req: IncomingMessage): string {
  const raw = req as RawRequest;
  const url = raw.url ?? '/';
  if (!isXapiUrl(url)) return url;
  const routing = routeAlternateRequest(raw.method ?? 'GET', url);
  if (routing.kind === 'none') return url;
  raw[ALTERNATE] = routing;
  if (routing.kind === 'reject') return url;
  raw.method = routing.method;
  return routing.url;
}

export function registerXapiProtocol(fastify: FastifyInstance): void {
  const versions = new ResponseVersions();

  fastify.addHook('onRequest', async (request, reply) => {
    if (!isXapiUrl(request.url)) return;
    const alternate = (request.raw as RawRequest)[ALTERNATE];
    if (alternate?.kind === 'reject') return sendProblem(reply, 400, alternate.reason);
    // Fastify would answer 415 to an unparseable Content-Type; xAPI's code for a bad request is 400 (Communication §3.2).
    const contentType = request.headers['content-type'];
    if (contentType !== undefined && !MEDIA_TYPE.test(contentType)) return sendProblem(reply, 400, `Content-Type ${JSON.stringify(contentType)} is no media type`);
  });

  fastify.addHook('preParsing', async (request, reply, payload) => {
    const alternate = (request.raw as RawRequest)[ALTERNATE];
    if (alternate?.kind !== 'rewrite') return payload;
    const body = await readAll(payload, request.routeOptions.bodyLimit ?? fastify.initialConfig.bodyLimit ?? 1 << 20);
    if (body === undefined) return sendProblem(reply, 413, 'the form body is larger than this LRS accepts');
    const form = parseAlternateForm(alternate.method, request.headers['content-type'], body);
    if ('error' in form) return sendProblem(reply, 400, form.error);

    const headers = request.raw.headers;
    const versionHeader = form.headers['x-experience-api-version'] ?? headerValue(headers, 'x-experience-api-version');
    if (negotiateXapiVersion(versionHeader) === '2.0.0') {
      return sendProblem(reply, 400, 'xAPI 2.0 removed the alternate request syntax (?method=); send the request itself');
    }
    // xAPI 1.0.3 §1.3: form parameters named like headers stand for those headers.
    delete headers['content-type'];
    delete headers['transfer-encoding'];
    Object.assign(headers, form.headers);
    request.query = form.query;
    const content = Buffer.from(form.content ?? '', 'utf8');
    if (form.content !== undefined) headers['content-type'] ??= 'application/json';
    headers['content-length'] = String(content.length);
    return Readable.from(content.length > 0 ? [content] : []);
  });

  fastify.addHook('preValidation', async (request, reply) => {
    if (!isStatementsWrite(request)) return;
    // xAPI 1.0.3 Communication §1.5: statements come as application/json or multipart/mixed.
    const mediaType = mediaTypeOf(request.headers['content-type']);
    if (mediaType !== 'application/json' && mediaType !== 'multipart/mixed') {
      return sendProblem(reply, 400, `statements are sent as application/json or multipart/mixed, not ${mediaType || 'without a Content-Type'}`);
    }
  });

  fastify.addHook('onSend', async (request, reply, payload) => {
    if (!isXapiUrl(request.url)) return payload;
    const header = headerValue(request.headers, 'x-experience-api-version');
    // Only a credential whose secret was checked: an unauthenticated caller must not learn, from the
    // version a 400 or 401 reports, that a key exists and what it last spoke.
    const credentialKey = request.xapiAuthenticatedKey;
    if (request.xapi?.credential && negotiateXapiVersion(header)) versions.remember(request.xapi.credential.key, request.xapi.version);
    void reply.header(XAPI_VERSION_HEADER, versions.forResponse(header, credentialKey));
    return payload;
  });
}

function isStatementsWrite(request: FastifyRequest): boolean {
  return (request.method === 'PUT' || request.method === 'POST') && /^\/xapi\/statements\/?$/.test(request.routeOptions.url ?? '');
}

/** Answers from a hook in the LRS's error shape; hooks run outside Nest's exception filter. */
function sendProblem(reply: FastifyReply, status: number, error: string): undefined {
  void reply.code(status).type('application/json; charset=utf-8').send({ error, details: [] });
  return undefined;
}

/** The whole stream, or undefined once it passes `limit` bytes. */
async function readAll(stream: NodeJS.ReadableStream, limit: number): Promise<Buffer | undefined> {
  const chunks: Buffer[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    length += buffer.length;
    if (length > limit) return undefined;
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, length);
}
