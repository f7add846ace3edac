import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { HttpProblem } from '../../http/http-errors';
import { negotiateXapiVersion, SUPPORTED_XAPI_VERSIONS, XAPI_VERSION_HEADER, type XapiVersion } from '../../xapi/xapi-version';
import { type LrsCredential, LrsCredentials } from '../auth/lrs-credentials';

declare module 'fastify' {
  interface FastifyRequest {
    xapi?: { version: XapiVersion; credential?: LrsCredential };
  }
}

/**
 * Every /xapi request: Basic credentials (except `about`, which the spec leaves open) and
 * a supported `X-Experience-API-Version`; every answer carries the version it was served by.
 */
@Injectable()
export class XapiGuard implements CanActivate {
  constructor(private readonly credentials: LrsCredentials) {}

  canActivate(context: ExecutionContext): boolean {
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const header = request.headers[XAPI_VERSION_HEADER.toLowerCase()] as string | undefined;
    const version = negotiateXapiVersion(header);
    void reply.header(XAPI_VERSION_HEADER, version ?? SUPPORTED_XAPI_VERSIONS[0]);
    const isAbout = /\/about\/?$/.test(request.routeOptions.url ?? '');
    if (isAbout) return true;

    const credential = this.credentials.authenticate(request.headers.authorization);
    if (!credential) {
      throw new HttpProblem(401, 'send Basic credentials of an LRS key and secret', [], { 'WWW-Authenticate': 'Basic realm="xAPI"' });
    }
    if (!version) {
      throw new HttpProblem(400, header ? `unsupported ${XAPI_VERSION_HEADER} "${header}"` : `missing ${XAPI_VERSION_HEADER} header`, [
        `supported: ${SUPPORTED_XAPI_VERSIONS.join(', ')}`,
      ]);
    }
    request.xapi = { version, credential };
    return true;
  }
}
