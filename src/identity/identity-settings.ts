import type { InstanceConfig, UnknownActorPolicy } from '../config/hub-config.schema';

/** One instance's identity settings, with defaults applied. */
export interface InstanceIdentitySettings {
  unknownActors: UnknownActorPolicy;
  cohortAttributes: readonly string[];
}

export const DEFAULT_IDENTITY_SETTINGS: InstanceIdentitySettings = { unknownActors: 'pass', cohortAttributes: [] };

/** Injection token of the per-instance settings map. */
export const INSTANCE_IDENTITY_SETTINGS = Symbol('INSTANCE_IDENTITY_SETTINGS');

/** `instances[].identity` of the config, by instance id; an instance without it passes unknown actors. */
export function instanceIdentitySettings(config: { instances: readonly InstanceConfig[] }): Map<string, InstanceIdentitySettings> {
  return new Map(
    config.instances.map((instance) => [
      instance.id,
      {
        unknownActors: instance.identity?.unknownActors ?? DEFAULT_IDENTITY_SETTINGS.unknownActors,
        cohortAttributes: instance.identity?.cohortAttributes ?? DEFAULT_IDENTITY_SETTINGS.cohortAttributes,
      },
    ]),
  );
}
