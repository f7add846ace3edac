import { SetMetadata } from '@nestjs/common';
import type { XapiScopeName } from './xapi-scopes';

export const XAPI_SCOPE_METADATA = 'xapi:scopes';

/**
 * The scopes that grant access to an /xapi handler (or every handler of a controller), any
 * one of them sufficing; `all` always does and `all/read` does for GET/HEAD (see decideScope).
 * Use with XapiGuard:  @XapiScope('statements/read')
 */
export const XapiScope = (...scopes: XapiScopeName[]) => SetMetadata(XAPI_SCOPE_METADATA, scopes);
