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
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { SUPPORTED_XAPI_VERSIONS, type XapiVersion } from '../xapi/xapi-version';

/** Ids appear in URLs, queue names and job ids: BullMQ forbids `:` there. */
export const ID_PATTERN = /^[a-z0-9][a-z0-9_-]{0,62}$/;
const ID_RULE = 'must be 1-63 lower-case letters, digits, "-" or "_", starting with a letter or digit';

export const DESTINATION_TYPES = ['builtin', 'xapi'] as const;
export type DestinationType = (typeof DESTINATION_TYPES)[number];

/** How a pseudonym is written: an account on the configured homePage, or an mbox_sha1sum. */
export const PSEUDONYM_MODES = ['account', 'mbox_sha1sum'] as const;
export type PseudonymMode = (typeof PSEUDONYM_MODES)[number];

/** What resolution does with an actor the directory does not know. */
export const UNKNOWN_ACTOR_POLICIES = ['pass', 'hold'] as const;
export type UnknownActorPolicy = (typeof UNKNOWN_ACTOR_POLICIES)[number];

/** A destination that must not see who the learners are (src/identity/pseudonymise.ts). */
export class PseudonymiseConfig {
  /** The HMAC key, from the environment (`${ENV}`); at least 16 characters. */
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters (use ${ENV} for a long random secret)' })
  key!: string;

  /** The account homePage pseudonyms are written under (mode `account`). */
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true })
  homePage!: string;

  @IsOptional()
  @IsIn(PSEUDONYM_MODES)
  mode?: PseudonymMode;
}

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

  /** Replace every person by a keyed hash before statements go here (names dropped). */
  @IsOptional()
  @ValidateNested()
  @Type(() => PseudonymiseConfig)
  pseudonymise?: PseudonymiseConfig;
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

/** How the identity directory treats this instance's statements (src/identity/). */
export class InstanceIdentityConfig {
  /** An actor the directory does not know: `pass` with the source identity (default), or `hold` until an admin resolves it. */
  @IsOptional()
  @IsIn(UNKNOWN_ACTOR_POLICIES)
  unknownActors?: UnknownActorPolicy;

  /** Directory attributes of the learner added as context extensions …/extensions/cohort/<name>. */
  @IsOptional()
  @IsArray()
  @ArrayUnique()
  @Matches(/^[A-Za-z][A-Za-z0-9_-]{0,62}$/, { each: true, message: 'each must be an attribute name: letters, digits, "-" or "_"' })
  cohortAttributes?: string[];
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

  /**
   * Shared secrets the connector verifies requests with, newest first; several are active
   * while a secret rotates. Write them as `${ENV}` references. Given to the connector as
   * `context.secrets`.
   */
  @IsOptional()
  @IsArray()
  @MinLength(1, { each: true, message: 'each secret must be a non-empty string (is its environment variable empty?)' })
  @IsString({ each: true })
  secrets?: string[];

  /** Checked against the connector's own schema once the connector is known. */
  @IsOptional()
  @IsObject()
  config?: Record<string, unknown>;

  @IsOptional()
  @ValidateNested()
  @Type(() => InstanceIdentityConfig)
  identity?: InstanceIdentityConfig;
}

export class LimitsConfig {
  /** Largest request body accepted on any route but /xapi; larger gets 413. */
  @IsOptional()
  @IsInt()
  @Min(1024)
  @Max(100 * 1024 * 1024)
  bodyLimitBytes?: number;

  /** Largest request body the built-in LRS (/xapi) accepts: documents and statement attachments; larger gets 413. */
  @IsOptional()
  @IsInt()
  @Min(1024)
  @Max(1024 * 1024 * 1024)
  xapiBodyLimitBytes?: number;

  /** Webhook requests one instance may send per second (per intake process); more get 429. */
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(100_000)
  hookRatePerSecond?: number;
}

/** Age limits, in days, enforced by the retention job (src/identity/retention/); absent = kept. */
export class RetentionConfig {
  /** Raw webhook bodies in the inbox, once processed. */
  @IsOptional()
  @IsInt()
  @Min(1)
  inboxDays?: number;

  /** Dead letters (the outbox's failed deliveries). */
  @IsOptional()
  @IsInt()
  @Min(1)
  deadLetterDays?: number;

  /** Statements in the built-in LRS, by `stored`. */
  @IsOptional()
  @IsInt()
  @Min(1)
  statementDays?: number;
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
  @Type(() => RetentionConfig)
  retention?: RetentionConfig;

  @IsOptional()
  @ValidateNested()
  @Type(() => DeliveryConfig)
  delivery?: DeliveryConfig;
}

export const DEFAULT_BODY_LIMIT_BYTES = 1024 * 1024;
export const DEFAULT_XAPI_BODY_LIMIT_BYTES = 16 * 1024 * 1024;
export const DEFAULT_HOOK_RATE_PER_SECOND = 200;
