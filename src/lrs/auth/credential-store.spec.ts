import { type MigratedTestDatabase, migratedDatabase, TEST_ENGINES } from '../../../test/support/test-databases';
import type { HubDatabase } from '../../store/database';
import { CredentialStore } from './credential-store';
import { CredentialFromEnvironmentError, HUB_ACCOUNT_HOMEPAGE, LrsCredentials } from './lrs-credentials';

const basic = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;

/** The same contract on the embedded database and on PostgreSQL. */
describe.each(TEST_ENGINES)('LRS credentials on %s', (engine) => {
  let testDatabase: MigratedTestDatabase;
  let database: HubDatabase;
  let store: CredentialStore;
  let credentials: LrsCredentials;

  beforeAll(async () => {
    testDatabase = await migratedDatabase(engine);
    database = testDatabase.database;
    store = new CredentialStore(database);
    credentials = new LrsCredentials(store);
  });
  afterAll(async () => {
    await testDatabase?.close();
  });

  it('issues a credential whose secret is shown once and stored only as a hash', async () => {
    const { credential, secret } = await credentials.create({ name: 'LMS reader', scopes: ['statements/read'] });
    expect(credential).toMatchObject({ name: 'LMS reader', scopes: ['statements/read'], revokedAt: null });
    expect(credential.authority).toEqual({
      objectType: 'Agent',
      name: 'LMS reader',
      account: { homePage: HUB_ACCOUNT_HOMEPAGE, name: credential.key },
    });
    const row = await database.db.selectFrom('lrs_credentials').selectAll().where('key', '=', credential.key).executeTakeFirstOrThrow();
    expect(row.secret_hash).toMatch(/^scrypt\$/);
    expect(row.secret_hash).not.toContain(secret);
    expect((await credentials.list()).find((c) => c.key === credential.key)).not.toHaveProperty('secret');

    await expect(credentials.authenticate(basic(credential.key, secret))).resolves.toMatchObject({ key: credential.key, scopes: ['statements/read'] });
    await expect(credentials.authenticate(basic(credential.key, `${secret}x`))).resolves.toBeUndefined();
    await expect(credentials.authenticate(basic('no-such-key', secret))).resolves.toBeUndefined();
  });

  it('keeps the dev credential generated for a run out of the database', async () => {
    const thisRun = new LrsCredentials(store);
    thisRun.acceptForThisRun('dev-0a1b2c3d', 'generated-secret');
    await expect(thisRun.authenticate(basic('dev-0a1b2c3d', 'generated-secret'))).resolves.toMatchObject({ key: 'dev-0a1b2c3d', scopes: ['all'] });
    await expect(thisRun.authenticate(basic('dev-0a1b2c3d', 'guess'))).resolves.toBeUndefined();
    expect((await thisRun.list()).map((c) => c.key)).not.toContain('dev-0a1b2c3d');
    // The next run (another process, another LrsCredentials) does not know it.
    await expect(credentials.authenticate(basic('dev-0a1b2c3d', 'generated-secret'))).resolves.toBeUndefined();
  });

  it('stops accepting a revoked credential at once in this process', async () => {
    const { credential, secret } = await credentials.create({ name: 'to revoke', scopes: ['all'] });
    await expect(credentials.authenticate(basic(credential.key, secret))).resolves.toBeDefined();
    await expect(credentials.revoke(credential.key)).resolves.toBe(true);
    await expect(credentials.authenticate(basic(credential.key, secret))).resolves.toBeUndefined();
    await expect(credentials.revoke(credential.key)).resolves.toBe(false);
    expect((await credentials.list()).find((c) => c.key === credential.key)?.revokedAt).toEqual(expect.any(String));
  });

  it('refuses a credential revoked by another process (another LrsCredentials) from the next request on', async () => {
    const { credential, secret } = await credentials.create({ name: 'revoked by another process', scopes: ['all'] });
    await expect(credentials.authenticate(basic(credential.key, secret))).resolves.toBeDefined();
    await expect(new LrsCredentials(new CredentialStore(database)).revoke(credential.key)).resolves.toBe(true);
    await expect(credentials.authenticate(basic(credential.key, secret))).resolves.toBeUndefined();
  });

  it('refuses a revoked credential even when its check was already in flight', async () => {
    const { credential, secret } = await credentials.create({ name: 'in flight', scopes: ['all'] });
    const fresh = new LrsCredentials(store);
    const during = Array.from({ length: 4 }, () => fresh.authenticate(basic(credential.key, secret)));
    await credentials.revoke(credential.key);
    await Promise.all(during);
    await expect(fresh.authenticate(basic(credential.key, secret))).resolves.toBeUndefined();
  });

  it('refuses to revoke the bootstrap credential, which comes from the environment', async () => {
    const withBootstrap = new LrsCredentials(store, 'env-boot');
    await withBootstrap.ensureBootstrap('env-boot', 'env-secret');
    await expect(withBootstrap.revoke('env-boot')).rejects.toThrow(CredentialFromEnvironmentError);
    await expect(withBootstrap.revoke('env-boot')).rejects.toThrow(/comes from the environment \(LRS_KEY/);
    await expect(withBootstrap.authenticate(basic('env-boot', 'env-secret'))).resolves.toMatchObject({ key: 'env-boot' });
  });

  it('upserts the bootstrap credential with scope all, and follows a changed secret', async () => {
    await credentials.ensureBootstrap('boot', 'first-secret');
    await expect(credentials.authenticate(basic('boot', 'first-secret'))).resolves.toMatchObject({ key: 'boot', scopes: ['all'] });

    await credentials.revoke('boot');
    const restarted = new LrsCredentials(store);
    await restarted.ensureBootstrap('boot', 'second-secret');
    await expect(restarted.authenticate(basic('boot', 'second-secret'))).resolves.toMatchObject({ scopes: ['all'] });
    await expect(restarted.authenticate(basic('boot', 'first-secret'))).resolves.toBeUndefined();
    expect((await store.list()).filter((c) => c.key === 'boot')).toHaveLength(1);
  });

  it('answers concurrent first requests of one credential alike', async () => {
    const { credential, secret } = await credentials.create({ name: 'busy', scopes: ['statements/write'] });
    const fresh = new LrsCredentials(store);
    const results = await Promise.all(Array.from({ length: 5 }, () => fresh.authenticate(basic(credential.key, secret))));
    expect(results.every((r) => r?.key === credential.key)).toBe(true);
  });
});
