import { ConfigError } from '../config/config.errors';
import { parseHubConfig } from '../config/load-hub-config';
import { bindInstances } from './connector-instances';
import { ConnectorRegistry } from './connector-registry';

const registry = ConnectorRegistry.loadFrom();

function problemsOf(instanceYaml: string): string[] {
  const config = parseHubConfig(`destinations: [{ id: builtin, type: builtin }]\ninstances:\n${instanceYaml}`, 'hub.yaml', {});
  try {
    bindInstances(config, registry, 'hub.yaml');
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.path}: ${p.reason}`);
    throw error;
  }
  return [];
}

describe('bindInstances', () => {
  it('loads every connector folder', () => {
    expect(registry.ids()).toContain('generic-webhook');
  });

  it('checks an instance config against its connector, naming the field', () => {
    expect(problemsOf('  - { id: a, connector: generic-webhook, config: { mapping: "{}", secret: 42 } }')).toEqual([
      'instances[0].config.secret: must be a string',
    ]);
  });

  it('compiles the mapping at load time', () => {
    const [problem] = problemsOf('  - { id: a, connector: generic-webhook, config: { mapping: "{ \\"actor\\": " } }');
    expect(problem).toMatch(/^instances\[0\]\.config\.mapping: is not valid JSONata: /);
  });

  it('names an unknown connector and lists the known ones', () => {
    expect(problemsOf('  - { id: a, connector: moodle-ish }')).toEqual([
      expect.stringMatching(/^instances\[0\]\.connector: unknown connector "moodle-ish"; available: .*generic-webhook/),
    ]);
  });

  it('sends to every destination unless the instance names some', () => {
    const config = parseHubConfig(
      'destinations: [{ id: builtin, type: builtin }]\ninstances: [{ id: a, connector: generic-webhook, config: { mapping: "{}" } }]',
      'hub.yaml',
      {},
    );
    expect(bindInstances(config, registry, 'hub.yaml').get('a')?.destinations).toEqual(['builtin']);
  });

  it("gives an instance its secrets, newest first, from the environment, and names a wrong one", () => {
    const yaml = (secrets: string) =>
      `destinations: [{ id: builtin, type: builtin }]\ninstances: [{ id: a, connector: generic-webhook, secrets: ${secrets}, config: { mapping: "{}" } }]`;
    const config = parseHubConfig(yaml('["${NEW}", "${OLD}"]'), 'hub.yaml', { NEW: 'new-secret', OLD: 'old-secret' });
    expect(bindInstances(config, registry, 'hub.yaml').get('a')?.secrets).toEqual(['new-secret', 'old-secret']);
    expect(() => parseHubConfig(yaml('["${NEW}"]'), 'hub.yaml', {})).toThrow(/instances\[0\]\.secrets\[0\] \(line 2\): environment variable NEW is not set/);
    expect(() => parseHubConfig(yaml('[42]'), 'hub.yaml', {})).toThrow(/instances\[0\]\.secrets \(line 2\): each value in secrets must be a string/);
  });
});
