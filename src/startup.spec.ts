import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadEnvironment } from './config/environment';
import { parseHubConfig } from './config/load-hub-config';
import { runtimeFor } from './hub-runtime';
import { bannerFor, startHub, startupFailureMessage } from './startup';

/** Start-up as a person meets it: what stops it, and what they are told. */
describe('start-up', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'xapi-hub-startup-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const failureOf = async (env: NodeJS.ProcessEnv, argv: string[] = []) => {
    const error = await startHub({ LOG_LEVEL: 'silent', ...env }, argv).then(
      () => new Error('expected start-up to fail'),
      (e: unknown) => e,
    );
    return startupFailureMessage(error, env.REDIS_URL ?? 'redis://127.0.0.1:6379');
  };

  it('stops on a bad config file, naming each bad field and never printing a secret', async () => {
    const file = join(dir, 'bad.yaml');
    writeFileSync(
      file,
      `destinations: [{ id: builtin, type: builtin }]
instances:
  - id: lms
    connector: generic-webhook
    config: { mapping: "{}", secret: "\${LMS_SECRET}", signatureEncoding: octal }
  - id: hr
    connector: generic-webhook
    config: { mapping: "{", secret: 42 }
`,
    );
    const message = await failureOf({ HUB_CONFIG: file, LMS_SECRET: 'do-not-print-this-secret' });
    expect(message).toContain(`invalid configuration in ${file}`);
    expect(message).toContain('instances[0].config.signatureEncoding (line 5): must be one of the following values: hex, base64');
    expect(message).toContain('instances[1].config.secret (line 8): must be a string');
    expect(message).toMatch(/instances\[1\]\.config\.mapping \(line 8\): is not valid JSONata: /);
    expect(message).not.toContain('do-not-print-this-secret');
  });

  it('stops on a bad environment, naming the variable', async () => {
    expect(await failureOf({}, ['--role', 'everything'])).toMatch(/HUB_ROLE: must be one of the following values: all, intake, worker, lrs/);
  });

  it('says in one line how to get Redis when none answers and it cannot start one', async () => {
    const message = await failureOf({ REDIS_URL: 'redis://:secret-pw@127.0.0.1:1', DATABASE_URL: `sqlite:${join(dir, 'hub.sqlite')}` });
    expect(message.trim().split('\n')).toHaveLength(1);
    expect(message).toMatch(/^xapi-hub: cannot reach Redis at redis:\/\/:\*\*\*@127\.0\.0\.1:1 .*apt-get install redis-server.*REDIS_URL/);
    expect(message).not.toContain('secret-pw');
  });

  it('prints where everything is, with the generated LRS login but never a configured secret', () => {
    const config = parseHubConfig('destinations: [{ id: builtin, type: builtin }]\ninstances: [{ id: demo, connector: generic-webhook, config: { mapping: "{}" } }]', 'hub.yaml', {});
    const generated = runtimeFor(loadEnvironment({}), config, 'hub.yaml');
    const banner = bannerFor(generated, 'http://0.0.0.0:8080', false);
    expect(banner).toContain('POST http://localhost:8080/hooks/demo');
    expect(banner).toContain(`LRS login   ${generated.lrsCredential.key}:${generated.lrsCredential.secret}`);

    const fixed = runtimeFor(loadEnvironment({ LRS_KEY: 'analyst', LRS_SECRET: 'fixed-secret-value', DATABASE_URL: 'postgres://hub:pw@db/hub' }), config, 'hub.yaml');
    const fixedBanner = bannerFor(fixed, 'http://0.0.0.0:8080', false);
    expect(fixedBanner).toContain('LRS login   analyst:<LRS_SECRET>');
    expect(fixedBanner).toContain('postgres://hub:***@db/hub');
    expect(fixedBanner).not.toMatch(/fixed-secret-value|:pw@/);
  });
});
