import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { headerValue } from '../../http/headers';
import { LrsError } from '../lrs-errors';
import type { Actor } from '../../xapi/statement';
import { LATEST_XAPI_VERSION, negotiateXapiVersion, SUPPORTED_XAPI_VERSIONS, XAPI_VERSION_HEADER, type XapiVersion } from '../../xapi/xapi-version';
import { type LrsCredential, LrsCredentials } from '../auth/lrs-credentials';
import { XAPI_SCOPE_METADATA } from '../auth/xapi-scope.decorator';
import { decideScope, type XapiScopeName } from '../auth/xapi-scopes';

/** What XapiGuard proved about an /xapi request. */
export interface XapiRequestContext {
  version: XapiVersion;
  /** Absent only on `about`, which needs no credentials. */
  credential?: LrsCredential;
  /**
   * Set when the credential reads statements under `statements/read/mine` only: the
   * statements resource must return just those whose authority is this Agent.
   */
  onlyAuthority?: Actor;
}

declare module 'fastify' {
  interface FastifyRequest {
    xapi?: XapiRequestContext;
    /** The key whose secret XapiGuard verified, set even when the request is then refused (400, 403). */
    xapiAuthenticatedKey?: string;
  }
}

/**
 * Every /xapi request except `about` (open by xAPI 1.0.3 Communication §2.8): Basic
 * credentials (§4.0: 401 without them), a supported X-Experience-API-Version (§3.3: 400
 * otherwise) and a scope that grants the route (@XapiScope; 403 otherwise). The response's
 * version header is set for every /xapi answer by the protocol hooks (xapi-protocol.ts).
 */
@Injectable()
export class XapiGuard implements CanActivate {
  constructor(
    private readonly credentials: LrsCredentials,
    private readonly reflector: Reflector,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest>();
    const header = headerValue(request.headers, XAPI_VERSION_HEADER.toLowerCase());
    const version = negotiateXapiVersion(header);
    if (/\/about\/?$/.test(request.routeOptions.url ?? '')) {
      request.xapi = { version: version ?? LATEST_XAPI_VERSION };
      return true;
    }

    const credential = await this.credentials.authenticate(request.headers.authorization);
    if (!credential) {
      throw new LrsError('unauthenticated', 'send Basic credentials of an LRS key and secret');
    }
    request.xapiAuthenticatedKey = credential.key;
    if (!version) {
      throw new LrsError('invalid-request', header ? `unsupported ${XAPI_VERSION_HEADER} "${header}"` : `missing ${XAPI_VERSION_HEADER} header`, [
        `supported: ${SUPPORTED_XAPI_VERSIONS.join(', ')} (and any 1.0.x or 2.0.x)`,
      ]);
    }
    const accepted = this.reflector.getAllAndOverride<XapiScopeName[] | undefined>(XAPI_SCOPE_METADATA, [context.getHandler(), context.getClass()]) ?? [];
    const decision = decideScope(credential.scopes, accepted, request.method);
    if (!decision.allowed) {
      const needed = [...accepted, 'all'].join(' or ');
      throw new LrsError('forbidden', `credential ${credential.key} may not ${request.method} this resource`, [`needs scope ${needed}`]);
    }
    request.xapi = { version, credential, onlyAuthority: decision.mineOnly ? credential.authority : undefined };
    return true;
  }
}
