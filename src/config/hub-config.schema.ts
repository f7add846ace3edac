import { Type } from 'class-transformer';
import {
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { SUPPORTED_XAPI_VERSIONS, type XapiVersion } from '../xapi/xapi-version';

/** Ids appear in URLs, queue names and job ids: BullMQ forbids `:` there. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const ID_RULE = 'must be 1-63 lower-case letters, digits, "-" or "_", starting with a letter or digit';

export const DESTINATION_TYPES = ['builtin', 'xapi'] as const;
export type DestinationType = (typeof DESTINATION_TYPES)[number];

export class DestinationConfig {
  @Matches(ID_PATTERN, { message: ID_RULE })
  id!: string;

  @IsIn(DESTINATION_TYPES)
  type!: DestinationType;

  /** The external LRS's xAPI base URL, e.g. https://lrs.example.org/xapi/ */
  @ValidateIf((d: DestinationConfig) => d.type === 'xapi')
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  endpoint?: string;

  @ValidateIf((d: DestinationConfig) => d.type === 'xapi')
  @IsString()
  username?: string;

  @ValidateIf((d: DestinationConfig) => d.type === 'xapi')
  @IsString()
  password?: string;

  @IsOptional()
  @IsIn(SUPPORTED_XAPI_VERSIONS)
  xapiVersion?: XapiVersion;

  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(120_000)
  timeoutMs?: number;

  /** Statements per POST (and per built-in store call). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(1000)
  batchSize?: number;

  /** How long a worker waits for a batch to fill before sending a part-full one. */
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(10_000)
  lingerMs?: number;

  /** Batches in flight at once per worker process (PostgreSQL; SQLite always has one claimer). */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(32)
  concurrency?: number;

  /** First retry delay; each next one doubles (with jitter) up to retryMaxDelayMs. */
  @IsOptional()
  @IsInt()
  @Min(10)
  retryFirstDelayMs?: number;

  @IsOptional()
  @IsInt()
  @Min(10)
  retryMaxDelayMs?: number;

  /** How long a statement is retried after its first failed attempt before it becomes a dead letter. */
  @IsOptional()
  @IsInt()
  @Min(100)
  retryForMs?: number;

  /** Failed batches in a row that open the circuit breaker. */
  @IsOptional()
  @IsInt()
  @Min(1)
  breakerThreshold?: number;

  /** How long an open breaker waits before one half-open probe. */
  @IsOptional()
  @IsInt()
  @Min(10)
  breakerOpenMs?: number;

  /** How often a destination paused by a refusal (401/403/404) is probed with one statement. */
  @IsOptional()
  @IsInt()
  @Min(100)
  probeEveryMs?: number;

  /** At most this many statements per second to this destination, per worker process. */
  @IsOptional()
  @IsInt()
  @Min(1)
  rateLimitPerSecond?: number;
}

/** How the delivery workers find work the signals in Redis did not announce. */
export class DeliveryConfig {
  /** Every worker checks the outbox this often for due work, whatever Redis says. */
  @IsOptional()
  @IsInt()
  @Min(10)
  @Max(60_000)
  pollMs?: number;

  /** How often the sweeper looks for inbox events that were acknowledged but never normalized. */
  @IsOptional()
  @IsInt()
  @Min(100)
  sweepEveryMs?: number;

  /** An inbox event not normalized after this long is queued again (its job may be gone from Redis). */
  @IsOptional()
  @IsInt()
  @Min(100)
  strandedAfterMs?: number;
}

export class InstanceConfig {
  @Matches(ID_PATTERN, { message: ID_RULE })
  id!: string;

  /** The connector's id: a folder under connectors/. */
  @IsString()
  connector!: string;

  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  /** Destination ids; all destinations when absent. */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @IsString({ each: true })
  destinations?: string[];

  /** Overrides `limits.hookRatePerSecond` for this instance. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  rateLimitPerSecond?: number;

  /** Checked against the connector's own schema once the connector is known. */
  @IsOptional()
  @IsObject()
  config?: Record<string, unknown>;
}

export class LimitsConfig {
  /** Largest request body accepted on any route; larger gets 413. */
  @IsOptional()
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  bodyLimitBytes?: number;

  /** Webhook requests one instance may send per second (per intake process); more get 429. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  hookRatePerSecond?: number;
}

export class HubConfig {
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => DestinationConfig)
  destinations: DestinationConfig[] = [];

  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => InstanceConfig)
  instances: InstanceConfig[] = [];

  @IsOptional()
  @ValidateNested()
  @Type(() => LimitsConfig)
  limits?: LimitsConfig;

  @IsOptional()
  @ValidateNested()
  @Type(() => DeliveryConfig)
  delivery?: DeliveryConfig;
}

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
export const DEFAULT_HOOK_RATE_PER_SECOND = 200;
