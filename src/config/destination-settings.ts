import type { DeliveryConfig, DestinationConfig } from './hub-config.schema';
import { DEFAULT_XAPI_VERSION, type XapiVersion } from '../xapi/xapi-version';

/** The xAPI version a destination is sent: an external LRS's configured one; the built-in LRS stores 1.0.3. */
export function destinationXapiVersion(destination: DestinationConfig): XapiVersion {
  return destination.type === 'xapi' ? (destination.xapiVersion ?? DEFAULT_XAPI_VERSION) : DEFAULT_XAPI_VERSION;
}

/** A destination's delivery settings with every default filled in (README, "Delivery"). */
export interface DeliverySettings {
  timeoutMs: number;
  batchSize: number;
  lingerMs: number;
  concurrency: number;
  retryFirstDelayMs: number;
  retryMaxDelayMs: number;
  retryForMs: number;
  breakerThreshold: number;
  breakerOpenMs: number;
  probeEveryMs: number;
  rateLimitPerSecond?: number;
}

export function deliverySettings(d: DestinationConfig): DeliverySettings {
  return {
    timeoutMs: d.timeoutMs ?? 10_000,
    batchSize: d.batchSize ?? 100,
    lingerMs: d.lingerMs ?? 50,
    concurrency: d.concurrency ?? 2,
    retryFirstDelayMs: d.retryFirstDelayMs ?? 1_000,
    retryMaxDelayMs: d.retryMaxDelayMs ?? 3_600_000,
    // About a day: an LRS down over a weekend night still gets everything once it is back.
    retryForMs: d.retryForMs ?? 24 * 3_600_000,
    breakerThreshold: d.breakerThreshold ?? 5,
    breakerOpenMs: d.breakerOpenMs ?? 30_000,
    probeEveryMs: d.probeEveryMs ?? 60_000,
    rateLimitPerSecond: d.rateLimitPerSecond,
  };
}

export interface SweepSettings {
  pollMs: number;
  sweepEveryMs: number;
  strandedAfterMs: number;
}

export function sweepSettings(d: DeliveryConfig | undefined): SweepSettings {
  return { pollMs: d?.pollMs ?? 1_000, sweepEveryMs: d?.sweepEveryMs ?? 30_000, strandedAfterMs: d?.strandedAfterMs ?? 60_000 };
}
