/** The xAPI versions the hub speaks, and the header that carries them (xAPI 1.0.3 Communication §3.3). */
export const XAPI_VERSION_HEADER = 'X-Experience-API-Version';
export const SUPPORTED_XAPI_VERSIONS = ['1.0.3', '2.0.0'] as const;
export type XapiVersion = (typeof SUPPORTED_XAPI_VERSIONS)[number];
/** The version the hub writes its own statements in, unless a destination asks for another. */
export const DEFAULT_XAPI_VERSION: XapiVersion = '1.0.3';
/** The newest version served: what a response reports when nothing tells which one the client speaks. */
export const LATEST_XAPI_VERSION: XapiVersion = '2.0.0';

/**
 * Maps a request's version header to the version whose rules apply, or null when the
 * LRS must refuse it. Any 1.0.x is served by the 1.0.3 rules (the spec requires it to
 * accept every 1.0 patch version); 2.0.x by 2.0.0.
 */
export function negotiateXapiVersion(header: string | undefined): XapiVersion | null {
  if (!header) return null;
  const value = header.trim();
  if (/^1\.0(\.\d+)?$/.test(value)) return '1.0.3';
  if (/^2\.0(\.\d+)?$/.test(value)) return '2.0.0';
  return null;
}
