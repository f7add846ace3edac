import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ConfigError } from '../config/config.errors';
import type { HubConfig } from '../config/hub-config.schema';
import { type ConfigProblem, flattenValidationErrors } from '../config/validation-errors';
import type { Connector } from '../connector-sdk/connector';
import type { ConnectorRegistry } from './connector-registry';
import { jsonataChecker } from './jsonata';

/** A configured instance bound to its connector, with its config validated and typed. */
export interface ConnectorInstance {
  id: string;
  connector: Connector;
  config: object;
  enabled: boolean;
  /** Destination ids its statements go to. */
  destinations: string[];
  /** Active shared secrets, newest first (`context.secrets`). */
  secrets: string[];
}

/**
 * Binds every configured instance to its connector and checks each instance's config
 * with the connector's own schema, so a bad mapping stops start-up, not a live webhook.
 */
export function bindInstances(config: HubConfig, registry: ConnectorRegistry, source: string): Map<string, ConnectorInstance> {
  const { instances, problems } = checkInstances(config, registry);
  if (problems.length > 0) throw new ConfigError(source, problems);
  return instances;
}

/**
 * bindInstances without throwing, for a config that may itself have problems: start-up
 * reports the file's and the connectors' problems together, in one run.
 */
export function checkInstances(config: HubConfig, registry: ConnectorRegistry): { instances: Map<string, ConnectorInstance>; problems: ConfigProblem[] } {
  const problems: ConfigProblem[] = [];
  const instances = new Map<string, ConnectorInstance>();
  if (!Array.isArray(config.instances)) return { instances, problems };
  const allDestinations = Array.isArray(config.destinations) ? config.destinations.map((d) => d.id) : [];

  config.instances.forEach((instance, i) => {
    // Not a string: the file's schema has said so already.
    if (typeof instance?.connector !== 'string') return;
    const connector = registry.get(instance.connector);
    if (!connector) {
      problems.push({
        path: `instances[${i}].connector`,
        reason: `unknown connector "${instance.connector}"; available: ${registry.ids().join(', ')}`,
      });
      return;
    }
    const { config: typed, problems: own } = connectorConfigOf(connector, instance.config ?? {});
    problems.push(...own.map((p) => ({ path: `instances[${i}].config.${p.path}`, reason: p.reason })));
    instances.set(instance.id, {
      id: instance.id,
      connector,
      config: typed,
      enabled: instance.enabled ?? true,
      destinations: instance.destinations ?? allDestinations,
      secrets: instance.secrets ?? [],
    });
  });
  return { instances, problems };
}

/**
 * A connector's config from plain data, typed and checked as at boot: its schema, then the
 * connector's own checks (expressions compile). Problems' paths are relative to the config.
 */
export function connectorConfigOf(connector: Connector, plain: Record<string, unknown>): { config: object; problems: ConfigProblem[] } {
  const config = plainToInstance(connector.configSchema, plain);
  const problems = [
    ...flattenValidationErrors(validateSync(config, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true })),
    ...(connector.checkConfig?.(config, jsonataChecker) ?? []),
  ];
  return { config, problems };
}
