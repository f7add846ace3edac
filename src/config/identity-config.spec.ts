import { ConfigError } from './config.errors';
import { parseHubConfig } from './load-hub-config';

const CONFIG = `
destinations:
  - id: builtin
    type: builtin
  - id: analytics
    type: xapi
    endpoint: https://lrs.example.org/xapi/
    username: u
    password: p
    pseudonymise: { key: "\${PSEUDONYM_KEY}", homePage: "https://analytics.acme.example", mode: mbox_sha1sum }
instances:
  - id: calendar
    connector: generic-webhook
    identity: { unknownActors: hold, cohortAttributes: [team, department] }
    config: { mapping: "nothing" }
retention: { inboxDays: 30, deadLetterDays: 90, statementDays: 730 }
`;

function problemsOf(yaml: string, env: NodeJS.ProcessEnv): string[] {
  try {
    parseHubConfig(yaml, 'hub.yaml', env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems.map((p) => `${p.path}: ${p.reason}`);
    throw error;
  }
  return [];
}

describe('identity, pseudonymisation and retention settings', () => {
  it('reads them', () => {
    const config = parseHubConfig(CONFIG, 'hub.yaml', { PSEUDONYM_KEY: 'a-long-random-pseudonym-key' });
    expect(config.instances[0].identity).toEqual({ unknownActors: 'hold', cohortAttributes: ['team', 'department'] });
    expect(config.destinations[1].pseudonymise).toEqual({ key: 'a-long-random-pseudonym-key', homePage: 'https://analytics.acme.example', mode: 'mbox_sha1sum' });
    expect(config.retention).toEqual({ inboxDays: 30, deadLetterDays: 90, statementDays: 730 });
  });

  it('names each bad value', () => {
    const bad = CONFIG.replace('unknownActors: hold', 'unknownActors: drop').replace('mode: mbox_sha1sum', 'mode: sha1').replace('inboxDays: 30', 'inboxDays: 0');
    expect(problemsOf(bad, { PSEUDONYM_KEY: 'short' })).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^instances\[0\]\.identity\.unknownActors: /),
        expect.stringMatching(/^destinations\[1\]\.pseudonymise\.key: must be at least 16 characters/),
        expect.stringMatching(/^destinations\[1\]\.pseudonymise\.mode: /),
        expect.stringMatching(/^retention\.inboxDays: /),
      ]),
    );
  });
});
