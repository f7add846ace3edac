import { plainToInstance } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, Min, validateSync } from 'class-validator';
import { ConfigError } from './config.errors';
import { flattenValidationErrors } from './validation-errors';

export const HUB_ROLES = ['all', 'intake', 'worker', 'lrs'] as const;
export type HubRole = (typeof HUB_ROLES)[number];

/** Settings that come from the process environment (secrets and per-deployment values). */
export class HubEnvironment {
  @IsInt()
  @Min(0)
  @Max(65535)
  PORT = 8080;

  @IsString()
  HOST = '0.0.0.0';

  @IsString()
  REDIS_URL = 'redis://127.0.0.1:6379';

  /** Unset: embedded SQLite under ./data/. `postgres://…`: PostgreSQL. */
  @IsOptional()
  @IsString()
  DATABASE_URL?: string;

  @IsOptional()
  @IsString()
  HUB_CONFIG?: string;

  @IsIn(HUB_ROLES)
  HUB_ROLE: HubRole = 'all';

  /** Bootstrap credential of the built-in LRS; dev credentials are generated when unset. */
  @IsOptional()
  @IsString()
  LRS_KEY?: string;

  @IsOptional()
  @IsString()
  LRS_SECRET?: string;

  /** No token: the admin API is off. */
  @IsOptional()
  @IsString()
  HUB_ADMIN_TOKEN?: string;

  /** Prefix of every Redis key BullMQ writes; lets several hubs (or tests) share one Redis. */
  @IsString()
  QUEUE_PREFIX = 'xapi-hub';

  @IsIn(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
  LOG_LEVEL = 'info';
}

/** Reads and validates the environment; `--role X` on the command line beats HUB_ROLE. */
export function loadEnvironment(env: NodeJS.ProcessEnv, argv: string[] = []): HubEnvironment {
  const plain: Record<string, unknown> = {};
  for (const key of Object.keys(new HubEnvironment())) {
    if (env[key] !== undefined && env[key] !== '') plain[key] = env[key];
  }
  for (const key of ['DATABASE_URL', 'HUB_CONFIG', 'LRS_KEY', 'LRS_SECRET', 'HUB_ADMIN_TOKEN']) {
    if (env[key]) plain[key] = env[key];
  }
  const roleFlag = argv.findIndex((arg) => arg === '--role' || arg.startsWith('--role='));
  if (roleFlag >= 0) {
    const arg = argv[roleFlag];
    plain.HUB_ROLE = arg.includes('=') ? arg.slice('--role='.length) : argv[roleFlag + 1];
  }
  if (plain.PORT !== undefined) plain.PORT = Number(plain.PORT);
  const settings = plainToInstance(HubEnvironment, plain);
  const problems = flattenValidationErrors(validateSync(settings));
  if (problems.length > 0) throw new ConfigError('the environment', problems);
  return settings;
}
