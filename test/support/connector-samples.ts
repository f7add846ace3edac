import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ConnectorSample } from '../../src/connector-sdk';

/** A connector's own sample, by its path under connectors/ (e.g. `slack/samples/….json`), so e2e tests send what the spec proves. */
export function connectorSample(path: string): ConnectorSample {
  return JSON.parse(readFileSync(resolve(__dirname, '../../connectors', path), 'utf8')) as ConnectorSample;
}
