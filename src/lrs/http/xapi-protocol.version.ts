import { LATEST_XAPI_VERSION, negotiateXapiVersion, type XapiVersion } from '../../xapi/xapi-version';

/**
 * The version an /xapi response reports in X-Experience-API-Version (every response
 * carries one: xAPI 1.0.3 Communication §3.3, xAPI 2.0 §4.1.3.3). Prefers what the request
 * asked for; when it sent no usable header (a 400 for that very reason), the version its
 * credential last spoke, so a 1.0.3 client hears 1.0.3 rules; else the newest served.
 */
export class ResponseVersions {
  private readonly lastByKey = new Map<string, XapiVersion>();

  constructor(private readonly maxKeys = 10_000) {}

  forResponse(header: string | undefined, credentialKey: string | undefined): XapiVersion {
    return (
      negotiateXapiVersion(header) ??
      (credentialKey === undefined ? undefined : this.lastByKey.get(credentialKey)) ??
      LATEST_XAPI_VERSION
    );
  }

  /** Called for an authenticated request that negotiated a version. */
  remember(credentialKey: string, version: XapiVersion): void {
    if (this.lastByKey.get(credentialKey) === version) return;
    this.lastByKey.delete(credentialKey);
    if (this.lastByKey.size >= this.maxKeys) this.lastByKey.delete(this.lastByKey.keys().next().value as string);
    this.lastByKey.set(credentialKey, version);
  }
}
