import { ConfigError } from './config.errors';
import { deliverySettings, destinationXapiVersion, sweepSettings } from './destination-settings';
import { parseHubConfig } from './load-hub-config';

const yaml = (destination: string, delivery = '') => `
destinations:
  - id: central
    type: xapi
    endpoint: https://lrs.example.org/xapi/
    username: u
    password: p
${destination}
instances: []
${delivery}`;

describe('delivery settings in the config', () => {
  it('reads every delivery key of a destination and of `delivery`', () => {
    const config = parseHubConfig(
      yaml(
        '    batchSize: 50\n    lingerMs: 10\n    concurrency: 4\n    retryFirstDelayMs: 200\n    retryMaxDelayMs: 5000\n    retryForMs: 60000\n    breakerThreshold: 3\n    breakerOpenMs: 1000\n    probeEveryMs: 2000\n    rateLimitPerSecond: 20\n    xapiVersion: "2.0.0"',
        'delivery:\n  pollMs: 500\n  sweepEveryMs: 1000\n  strandedAfterMs: 2000',
      ),
      'test',
      {},
    );
    expect(deliverySettings(config.destinations[0])).toEqual({
      timeoutMs: 10_000,
      batchSize: 50,
      lingerMs: 10,
      concurrency: 4,
      retryFirstDelayMs: 200,
      retryMaxDelayMs: 5000,
      retryForMs: 60_000,
      breakerThreshold: 3,
      breakerOpenMs: 1000,
      probeEveryMs: 2000,
      rateLimitPerSecond: 20,
    });
    expect(sweepSettings(config.delivery)).toEqual({ pollMs: 500, sweepEveryMs: 1000, strandedAfterMs: 2000 });
    expect(destinationXapiVersion(config.destinations[0])).toBe('2.0.0');
  });

  it('defaults: batches of 100 after 50 ms, retried for a day', () => {
    const config = parseHubConfig(yaml(''), 'test', {});
    expect(deliverySettings(config.destinations[0])).toMatchObject({ batchSize: 100, lingerMs: 50, retryForMs: 86_400_000 });
    expect(sweepSettings(undefined)).toEqual({ pollMs: 1000, sweepEveryMs: 30_000, strandedAfterMs: 60_000 });
  });

  it('refuses a batch size of 0, naming the field', () => {
    expect(() => parseHubConfig(yaml('    batchSize: 0'), 'test', {})).toThrow(ConfigError);
    expect(() => parseHubConfig(yaml('    batchSize: 0'), 'test', {})).toThrow(/destinations\[0\]\.batchSize/);
  });
});
