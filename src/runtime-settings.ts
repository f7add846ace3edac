import type { DeliveryConfig, DestinationConfig, InstanceConfig, LimitsConfig } from './config/hub-config.schema';
import { type SweepSettings, sweepSettings } from './config/destination-settings';
import type { ConnectorInstance } from './connector-host/connector-instances';

/*
 * What a class needs from the runtime decided at start-up, one small class each. RuntimeModule
 * provides them (injected by class), so a constructor shows what it depends on and no module
 * below the app reads the whole HubRuntime (eslint.config.mjs holds that).
 */

/** Where BullMQ's Redis is (REDIS_URL) and the prefix of every key it writes (QUEUE_PREFIX). */
export class QueueSettings {
  constructor(
    readonly redisUrl: string,
    readonly prefix: string,
  ) {}
}

/** DATABASE_URL: unset is the embedded SQLite under ./data/, `postgres://…` is PostgreSQL. */
export class DatabaseSettings {
  constructor(readonly url: string | undefined) {}

  get isPostgres(): boolean {
    return this.url !== undefined && /^postgres/.test(this.url);
  }
}

/** HUB_ADMIN_TOKEN; unset turns the admin API off. */
export class AdminSettings {
  constructor(readonly token: string | undefined) {}
}

/** The built-in LRS's bootstrap credential; `generated` when LRS_KEY/LRS_SECRET were unset. */
export class LrsBootstrapCredential {
  constructor(
    readonly key: string,
    readonly secret: string,
    readonly generated: boolean,
  ) {}
}

/** The configured instances bound to their connectors, by instance id (read-only). */
export class ConnectorInstances {
  constructor(private readonly byId: ReadonlyMap<string, ConnectorInstance>) {}

  get(id: string): ConnectorInstance | undefined {
    return this.byId.get(id);
  }

  values(): IterableIterator<ConnectorInstance> {
    return this.byId.values();
  }

  keys(): IterableIterator<string> {
    return this.byId.keys();
  }
}

/** The configured destinations (`destinations:` of the config), in the config's order. */
export class Destinations {
  constructor(readonly all: readonly DestinationConfig[]) {}
}

/** `instances:` of the config as written (per-instance rate limits, identity settings). */
export class InstanceConfigs {
  constructor(readonly instances: readonly InstanceConfig[]) {}
}

/** What the webhook rate limit reads: the hub's `limits:` and each instance's own. */
export class HookRateSettings {
  constructor(
    readonly limits: LimitsConfig | undefined,
    readonly instances: readonly InstanceConfig[],
  ) {}
}

/** `delivery:`'s polling and sweeping intervals, with defaults applied. */
export class DeliveryTimings implements SweepSettings {
  readonly pollMs: number;
  readonly sweepEveryMs: number;
  readonly strandedAfterMs: number;

  constructor(config: DeliveryConfig | undefined) {
    ({ pollMs: this.pollMs, sweepEveryMs: this.sweepEveryMs, strandedAfterMs: this.strandedAfterMs } = sweepSettings(config));
  }
}
