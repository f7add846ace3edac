import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConfigError } from './config.errors';
import { parseHubConfig } from './load-hub-config';

const parse = (yaml: string, env: NodeJS.ProcessEnv = {}) => parseHubConfig(yaml, 'hub.yaml', env);

function problemsOf(yaml: string, env: NodeJS.ProcessEnv = {}): string[] {
  try {
    parse(yaml, env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.path}: ${p.reason}`);
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('parseHubConfig', () => {
  it('accepts the shipped example', () => {
    const config = parse(readFileSync(resolve(__dirname, '../../config/hub.example.yaml'), 'utf8'));
    expect(config.instances.map((i) => i.id)).toEqual(['demo']);
    expect(config.destinations).toEqual([{ id: 'builtin', type: 'builtin' }]);
  });

  it('names the bad field and why', () => {
    const problems = problemsOf(`
destinations: [{ id: builtin, type: builtin }]
instances:
  - id: demo
    connector: generic-webhook
  - id: Bad Id
    connector: 42
`);
    expect(problems).toEqual(
      expect.arrayContaining([expect.stringMatching(/^instances\[1\]\.id: must be 1-63 lower-case/), 'instances[1].connector: must be a string']),
    );
  });

  it('requires endpoint and credentials for an xapi destination', () => {
    const problems = problemsOf('destinations: [{ id: central, type: xapi }]\ninstances: []\n');
    expect(problems).toEqual(
      expect.arrayContaining([
        'destinations[0].endpoint: is required',
        'destinations[0].username: is required',
        'destinations[0].password: is required',
      ]),
    );
  });

  it('refuses unknown keys, duplicate ids and unknown destinations', () => {
    const problems = problemsOf(`
destinations: [{ id: builtin, type: builtin, colour: blue }]
instances:
  - { id: a, connector: generic-webhook, destinations: [nowhere] }
  - { id: a, connector: generic-webhook }
`);
    expect(problems).toEqual(
      expect.arrayContaining([
        'destinations[0].colour: is not a known setting',
        'instances[0].destinations[0]: unknown destination "nowhere"; configured: builtin',
        'instances[1].id: duplicate instance id "a"',
      ]),
    );
  });

  it('substitutes ${ENV} references and never prints their values', () => {
    const yaml = `
destinations:
  - { id: central, type: xapi, endpoint: "\${LRS_URL}", username: "\${LRS_USER}", password: "\${LRS_PASSWORD}" }
instances: []
`;
    const config = parse(yaml, { LRS_URL: 'https://lrs.example.org/xapi', LRS_USER: 'u', LRS_PASSWORD: 'p@ss: "word"' });
    expect(config.destinations[0].password).toBe('p@ss: "word"');

    const problems = problemsOf(yaml, { LRS_URL: 'not a url', LRS_USER: 'u' });
    // Every problem in one start; the field whose variable is missing is named once, for the variable.
    expect(problems).toEqual(['destinations[0].password: environment variable LRS_PASSWORD is not set', 'destinations[0].endpoint: must be a URL address']);
    const invalid = problemsOf(yaml, { LRS_URL: 'not a url', LRS_USER: 'u', LRS_PASSWORD: 'hunter2-secret' });
    expect(invalid.join('\n')).not.toContain('hunter2-secret');
  });

  it('reports YAML syntax errors with their line', () => {
    expect(problemsOf('instances: [\n')[0]).toMatch(/^line \d+, column \d+: [a-z].* \(YAML syntax\)$/);
  });
});
