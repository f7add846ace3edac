import { ConfigError } from './config/config.errors';
import { loadEnvironment } from './config/environment';
import { formatProblems } from './config/validation-errors';
import { runtimeFromYaml } from './hub-runtime';

/** The message start-up prints for a config text, or a failure when the text is good. */
function reportFor(yaml: string): string {
  try {
    runtimeFromYaml(loadEnvironment({}), yaml, 'hub.yaml', {});
  } catch (error) {
    if (error instanceof ConfigError) return formatProblems(error.problems);
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('config problems a person can act on, all in one start', () => {
  it('reports an unknown destination and an unknown connector in the same run, each with its YAML line', () => {
    const report = reportFor(`destinations:
  - { id: builtin, type: builtin }
instances:
  - id: a
    connector: moodle-ish
    destinations: [nowhere]
`);
    expect(report.split('\n')).toEqual([
      'instances[0].destinations[0] (line 6): unknown destination "nowhere"; configured: builtin',
      expect.stringMatching(/^instances\[0\]\.connector \(line 5\): unknown connector "moodle-ish"; available: .*generic-webhook/),
    ]);
  });

  it('says a misspelt key is not a known setting and the key it stands for is required', () => {
    const report = reportFor(`destinations: [{ id: builtin, type: builtin }]
instances:
  - id: a
    connector: generic-webhook
    config:
      eventKey: id
      maping: '{}'
`);
    expect(report.split('\n').sort()).toEqual(['instances[0].config.maping (line 7): is not a known setting', 'instances[0].config.mapping (line 6): is required']);
  });

  it('says a missing required field of the file itself is required', () => {
    expect(reportFor('destinations: [{ id: central, type: xapi, endpoint: "https://lrs.example.org/xapi/", username: u }]\ninstances: []\n')).toBe(
      'destinations[0].password (line 1): is required',
    );
  });

  it('reads YAML syntax errors as one clear line each, with where they are', () => {
    const report = reportFor('destinations:\n  - id: builtin\n    type: "builtin\ninstances: []\n');
    for (const line of report.split('\n')) expect(line).toMatch(/^line \d+, column \d+: [a-z].* \(YAML syntax\)$/);
    expect(report).not.toContain('^');
  });
});
