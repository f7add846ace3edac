import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { type Document, isNode, LineCounter, parseDocument } from 'yaml';
import { ConfigError } from './config.errors';
import { HubConfig } from './hub-config.schema';
import { type ConfigProblem, flattenValidationErrors, pathSegments } from './validation-errors';

export const DEFAULT_CONFIG_FILE = 'config/hub.yaml';
export const EXAMPLE_CONFIG_FILE = 'config/hub.example.yaml';

/**
 * Finds the config file: `HUB_CONFIG` when set (it must exist), else config/hub.yaml,
 * else the shipped example, so a fresh clone starts with a working demo.
 */
export function resolveConfigFile(explicit: string | undefined, cwd = process.cwd()): string {
  if (explicit) return resolve(cwd, explicit);
  const local = resolve(cwd, DEFAULT_CONFIG_FILE);
  return existsSync(local) ? local : resolve(cwd, EXAMPLE_CONFIG_FILE);
}

/** What checking a config file found: the config as far as it could be read, and every problem. */
export interface HubConfigCheck {
  config: HubConfig;
  problems: ConfigProblem[];
  /** The problems (these or later ones, e.g. a connector's) with the YAML line of their field. */
  locate(problems: ConfigProblem[]): ConfigProblem[];
}

/** Parses YAML text, substitutes `${ENV}` references, and validates the result; throws ConfigError with every problem. */
export function parseHubConfig(text: string, source: string, env: NodeJS.ProcessEnv): HubConfig {
  const check = checkHubConfig(text, env);
  if (check.problems.length > 0) throw new ConfigError(source, check.locate(check.problems));
  return check.config;
}

/** Like parseHubConfig, but never throws: start-up adds the connectors' problems and reports them all at once. */
export function checkHubConfig(text: string, env: NodeJS.ProcessEnv): HubConfigCheck {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter });
  if (document.errors.length > 0) {
    // A document that does not parse has no fields to check: its syntax errors are the whole story.
    return { config: new HubConfig(), problems: document.errors.map(syntaxProblem), locate: (problems) => problems };
  }
  const locate = (problems: ConfigProblem[]) => problems.map((p) => ({ ...p, line: p.line ?? lineOf(document, lineCounter, p.path) }));
  const problems: ConfigProblem[] = [];
  const substituted = substituteEnv(document.toJS() ?? {}, '', env, problems);
  // A field whose variable is missing is reported once, for the variable, not again for its empty value.
  const missingEnv = new Set(problems.map((p) => p.path));

  const config = plainToInstance(HubConfig, substituted);
  problems.push(
    ...[
      ...flattenValidationErrors(validateSync(config, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true })),
      ...crossReferenceProblems(config),
    ].filter((p) => !missingEnv.has(p.path)),
  );
  return { config, problems, locate };
}

/** `line 3, column 2: implicit keys need to be on a single line` — the yaml library's first line, without its own position suffix. */
function syntaxProblem(error: { message: string; linePos?: [{ line: number; col: number }, ...unknown[]] }): ConfigProblem {
  const first = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
  const position = error.linePos ? `line ${error.linePos[0].line}, column ${error.linePos[0].col}` : 'YAML';
  return { path: position, reason: `${first.charAt(0).toLowerCase()}${first.slice(1)} (YAML syntax)` };
}

/** The line of the node at `path`, or of its nearest ancestor in the file when the field is absent. */
function lineOf(document: Document, lineCounter: LineCounter, path: string): number | undefined {
  const segments = pathSegments(path);
  for (let depth = segments.length; depth > 0; depth--) {
    const node = document.getIn(segments.slice(0, depth), true);
    if (isNode(node) && node.range) return lineCounter.linePos(node.range[0]).line;
  }
  return undefined;
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
  // A config that failed its schema may hold anything here; the schema already said what.
  if (!Array.isArray(config.destinations) || !Array.isArray(config.instances)) return problems;
  config.destinations.forEach((d, i) => {
    if (destinationIds.has(d.id)) problems.push({ path: `destinations[${i}].id`, reason: `duplicate destination id "${d.id}"` });
    destinationIds.add(d.id);
  });
  const instanceIds = new Set<string>();
  config.instances.forEach((instance, i) => {
    if (instanceIds.has(instance.id)) problems.push({ path: `instances[${i}].id`, reason: `duplicate instance id "${instance.id}"` });
    instanceIds.add(instance.id);
    if (!Array.isArray(instance.destinations)) return;
    instance.destinations.forEach((id, j) => {
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
