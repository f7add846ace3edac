import type { Connector } from '../connector-sdk/connector';
import { connector as genericWebhook } from '../../connectors/generic-webhook';
import { ConnectorLoadError, ConnectorRegistry } from './connector-registry';

describe('ConnectorRegistry', () => {
  it('refuses a connector without split and map (one still on the old contract), naming what is missing', () => {
    const old = { id: 'old', name: 'old', description: '', configSchema: Object, verify: () => ({ ok: true }), toStatements: () => [] };
    expect(() => new ConnectorRegistry([old as unknown as Connector])).toThrow(new ConnectorLoadError('connector "old" declares no split, map'));
  });

  it('refuses two connectors with one id', () => {
    expect(() => new ConnectorRegistry([genericWebhook, genericWebhook])).toThrow(/two connectors share the id "generic-webhook"/);
  });

  it('loads every folder under connectors/', () => {
    expect(ConnectorRegistry.loadFrom().ids()).toContain('generic-webhook');
  });
});
