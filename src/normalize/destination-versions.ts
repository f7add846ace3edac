import type { DestinationConfig } from '../config/hub-config.schema';
import { destinationXapiVersion } from '../config/destination-settings';
import { DEFAULT_XAPI_VERSION, type XapiVersion } from '../xapi/xapi-version';

/** The xAPI versions an instance's destinations speak: each statement must be valid in all of them. */
export function destinationVersions(destinations: readonly DestinationConfig[], destinationIds: readonly string[]): XapiVersion[] {
  const versions = [...new Set(destinations.filter((d) => destinationIds.includes(d.id)).map(destinationXapiVersion))];
  return versions.length > 0 ? versions : [DEFAULT_XAPI_VERSION];
}
