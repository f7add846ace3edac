import type { DestinationConfig } from '../config/hub-config.schema';
import type { Statement } from '../xapi/statement';
import { DEFAULT_XAPI_VERSION, type XapiVersion } from '../xapi/xapi-version';
import type { LrsVerdict } from './classify-lrs-answer';

/** Somewhere statements go: the built-in LRS or an external one. */
export interface Destination {
  readonly id: string;
  /** Resolves when the LRS holds every statement; throws DeliveryFailedError otherwise. */
  deliver(statements: Statement[]): Promise<void>;
}

/** A batch the destination did not take, with the verdict that decides retry or dead letter. */
export class DeliveryFailedError extends Error {
  constructor(
    readonly verdict: Exclude<LrsVerdict, 'delivered'>,
    message: string,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** The xAPI version a destination is sent: an external LRS's configured one; the built-in LRS stores 1.0.3. */
export function destinationXapiVersion(destination: DestinationConfig): XapiVersion {
  return destination.type === 'xapi' ? (destination.xapiVersion ?? DEFAULT_XAPI_VERSION) : DEFAULT_XAPI_VERSION;
}
