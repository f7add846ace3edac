import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/** The shipped config/hub.example.yaml, as an operator starts from it. */
export const EXAMPLE_CONFIG = readFileSync(resolve(__dirname, '../../config/hub.example.yaml'), 'utf8');

/**
 * The example config with more instances: `instancesYaml` (list items indented under
 * `instances:`) is added after the example's own instances, where its `limits:` section began.
 */
export function exampleConfigWith(instancesYaml: string): string {
  return `${EXAMPLE_CONFIG.split('\nlimits:')[0]}${instancesYaml}`;
}
