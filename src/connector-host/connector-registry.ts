import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Connector } from '../connector-sdk/connector';

/** Where connector folders live, from src/ under jest and from dist/src/ once built. */
export const CONNECTORS_DIR = join(__dirname, '..', '..', 'connectors');

export class ConnectorLoadError extends Error {}

/**
 * Every connector, keyed by id, loaded from the folders under connectors/. A folder's
 * index exports `connector`; a duplicate id or a folder that exports none stops start-up.
 */
export class ConnectorRegistry {
  private readonly byId = new Map<string, Connector>();

  constructor(connectors: Connector[]) {
    for (const connector of connectors) {
      const missing = missingMembers(connector);
      if (missing.length > 0) throw new ConnectorLoadError(`connector "${connector.id}" declares no ${missing.join(', ')}`);
      if (this.byId.has(connector.id)) throw new ConnectorLoadError(`two connectors share the id "${connector.id}"`);
      this.byId.set(connector.id, connector);
    }
  }

  static loadFrom(dir: string = CONNECTORS_DIR): ConnectorRegistry {
    const folders = readdirSync(dir).filter((name) => statSync(join(dir, name)).isDirectory());
    return new ConnectorRegistry(folders.map((folder) => loadConnector(dir, folder)));
  }

  get(id: string): Connector | undefined {
    return this.byId.get(id);
  }

  ids(): string[] {
    return [...this.byId.keys()].sort();
  }
}

function loadConnector(dir: string, folder: string): Connector {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- folders are discovered at run time
  const loaded = require(join(dir, folder)) as { connector?: Connector };
  const connector = loaded.connector;
  if (!connector || typeof connector !== 'object') {
    throw new ConnectorLoadError(`connectors/${folder}/index exports no \`connector\` (use defineConnector)`);
  }
  const missing = missingMembers(connector);
  if (missing.length > 0) {
    throw new ConnectorLoadError(`connectors/${folder} declares no ${missing.join(', ')}; a connector must give verify, split and map functions`);
  }
  if (connector.id !== folder) {
    throw new ConnectorLoadError(`connectors/${folder} declares id "${connector.id}"; the id must equal the folder name`);
  }
  return connector;
}

/** The functions the host calls on every connector; a folder still on the old contract lacks split and map. */
const REQUIRED_FUNCTIONS = ['verify', 'split', 'map'] as const;

export function missingMembers(connector: Connector): string[] {
  return REQUIRED_FUNCTIONS.filter((name) => typeof connector[name] !== 'function');
}
