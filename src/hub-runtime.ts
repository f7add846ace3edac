import { randomBytes } from 'node:crypto';
import type { HubEnvironment } from './config/environment';
import type { HubConfig } from './config/hub-config.schema';
import { existsSync, readFileSync } from 'node:fs';
import { ConfigError } from './config/config.errors';
import { checkHubConfig, resolveConfigFile } from './config/load-hub-config';
import { bindInstances, checkInstances, type ConnectorInstance } from './connector-host/connector-instances';
import { ConnectorRegistry } from './connector-host/connector-registry';

/**
 * Everything decided before Nest starts: the environment, the validated config file and
 * the connector instances bound to it. Built once in main.ts (or by a test) and handed to
 * AppModule.forRoot, so a bad config stops start-up before any port opens.
 */
export interface HubRuntime {
  env: HubEnvironment;
  config: HubConfig;
  configSource: string;
  instances: Map<string, ConnectorInstance>;
  /** Every connector the hub can run (preview runs one with a config of the caller's). */
  connectors: ConnectorRegistry;
  /** The built-in LRS's bootstrap credential; `generated` when LRS_KEY/LRS_SECRET were unset. */
  lrsCredential: { key: string; secret: string; generated: boolean };
}

export function buildHubRuntime(env: HubEnvironment, processEnv: NodeJS.ProcessEnv = process.env): HubRuntime {
  const file = resolveConfigFile(env.HUB_CONFIG);
  if (!existsSync(file)) {
    throw new ConfigError(file, [{ path: '(file)', reason: 'does not exist; set HUB_CONFIG to a readable YAML file' }]);
  }
  return runtimeFromYaml(env, readFileSync(file, 'utf8'), file, processEnv);
}

/**
 * Checks a config file's text and its instances' connectors, and reports every problem of
 * both at once (each with its YAML line), so one start tells a person all there is to fix.
 */
export function runtimeFromYaml(
  env: HubEnvironment,
  text: string,
  source: string,
  processEnv: NodeJS.ProcessEnv,
  connectors = ConnectorRegistry.loadFrom(),
): HubRuntime {
  const file = checkHubConfig(text, processEnv);
  const bound = checkInstances(file.config, connectors);
  const problems = [...file.problems, ...bound.problems];
  if (problems.length > 0) throw new ConfigError(source, file.locate(problems));
  return assemble(env, file.config, source, bound.instances, connectors);
}

/** Binds a validated config's instances to their connectors and settles the LRS credential. */
export function runtimeFor(env: HubEnvironment, config: HubConfig, source: string, connectors = ConnectorRegistry.loadFrom()): HubRuntime {
  return assemble(env, config, source, bindInstances(config, connectors, source), connectors);
}

function assemble(
  env: HubEnvironment,
  config: HubConfig,
  source: string,
  instances: Map<string, ConnectorInstance>,
  connectors: ConnectorRegistry,
): HubRuntime {
  const lrsCredential =
    env.LRS_KEY && env.LRS_SECRET
      ? { key: env.LRS_KEY, secret: env.LRS_SECRET, generated: false }
      : { key: `dev-${randomBytes(4).toString('hex')}`, secret: randomBytes(18).toString('base64url'), generated: true };
  return { env, config, configSource: source, instances, connectors, lrsCredential };
}
