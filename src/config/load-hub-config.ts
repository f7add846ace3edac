import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { parseDocument } from 'yaml';
import { ConfigError } from './config.errors';
import { HubConfig } from './hub-config.schema';
import { flattenValidationErrors, type ConfigProblem } from './validation-errors';

export const DEFAULT_CONFIG_FILE = 'config/hub.yaml';
export const EXAMPLE_CONFIG_FILE = 'config/hub.example.yaml';

export interface LoadedHubConfig {
  config: HubConfig;
  /** The file it came from, for the start-up banner. */
  source: string;
}

/**
 * Finds the config file: `HUB_CONFIG` when set (it must exist), else config/hub.yaml,
 * else the shipped example, so a fresh clone starts with a working demo.
 */
export function resolveConfigFile(explicit: string | undefined, cwd = process.cwd()): string {
  if (explicit) return resolve(cwd, explicit);
  const local = resolve(cwd, DEFAULT_CONFIG_FILE);
  return existsSync(local) ? local : resolve(cwd, EXAMPLE_CONFIG_FILE);
}

export function loadHubConfig(file: string, env: NodeJS.ProcessEnv): LoadedHubConfig {
  if (!existsSync(file)) {
    throw new ConfigError(file, [{ path: '(file)', reason: 'does not exist; set HUB_CONFIG to a readable YAML file' }]);
  }
  return { config: parseHubConfig(readFileSync(file, 'utf8'), file, env), source: file };
}

/** Parses YAML text, substitutes `${ENV}` references, and validates the result. */
export function parseHubConfig(text: string, source: string, env: NodeJS.ProcessEnv): HubConfig {
  const document = parseDocument(text);
  if (document.errors.length > 0) {
    throw new ConfigError(
      source,
      document.errors.map((e) => ({ path: `(line ${e.linePos?.[0].line ?? '?'})`, reason: e.message.split('\n')[0] })),
    );
  }
  const plain: unknown = document.toJS() ?? {};
  const problems: ConfigProblem[] = [];
  const substituted = substituteEnv(plain, '', env, problems);
  if (problems.length > 0) throw new ConfigError(source, problems);

  const config = plainToInstance(HubConfig, substituted);
  problems.push(
    ...flattenValidationErrors(validateSync(config, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true })),
    ...crossReferenceProblems(config),
  );
  if (problems.length > 0) throw new ConfigError(source, problems);
  return config;
}

/**
 * Replaces `${NAME}` inside string values (after YAML parsing, so a secret's characters
 * never change the document's structure). A missing variable is a problem named by the
 * field and the variable, never by a value.
 */
function substituteEnv(value: unknown, path: string, env: NodeJS.ProcessEnv, problems: ConfigProblem[]): unknown {
  if (typeof value === 'string') {
    return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_match, name: string) => {
      const found = env[name];
      if (found === undefined) {
        problems.push({ path: path || '(root)', reason: `environment variable ${name} is not set` });
        return '';
      }
      return found;
    });
  }
  if (Array.isArray(value)) return value.map((item, i) => substituteEnv(item, `${path}[${i}]`, env, problems));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, substituteEnv(item, path ? `${path}.${key}` : key, env, problems)]),
    );
  }
  return value;
}

/** Ids must be unique and every destination an instance names must exist. */
function crossReferenceProblems(config: HubConfig): ConfigProblem[] {
  const problems: ConfigProblem[] = [];
  const destinationIds = new Set<string>();
  config.destinations.forEach((d, i) => {
    if (destinationIds.has(d.id)) problems.push({ path: `destinations[${i}].id`, reason: `duplicate destination id "${d.id}"` });
    destinationIds.add(d.id);
  });
  const instanceIds = new Set<string>();
  config.instances.forEach((instance, i) => {
    if (instanceIds.has(instance.id)) problems.push({ path: `instances[${i}].id`, reason: `duplicate instance id "${instance.id}"` });
    instanceIds.add(instance.id);
    instance.destinations?.forEach((id, j) => {
      if (!destinationIds.has(id)) {
        problems.push({
          path: `instances[${i}].destinations[${j}]`,
          reason: `unknown destination "${id}"; configured: ${[...destinationIds].join(', ') || 'none'}`,
        });
      }
    });
  });
  return problems;
}
