import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../../xapi/statement';
import { parseBasicAuth } from './basic-auth';
import type { CredentialStore, StoredCredential } from './credential-store';
import { hashSecret, verifySecret } from './secret-hash';
import type { XapiScopeName } from './xapi-scopes';

/** Where credential authorities live: an account on the hub itself. */
export const HUB_ACCOUNT_HOMEPAGE = 'http://xapi-hub.local/credentials';

/** A verified credential: who it is, what it may do, and the authority it writes as. */
export interface LrsCredential {
  key: string;
  name: string;
  scopes: XapiScopeName[];
  /** The Agent stamped as `authority` on every statement this credential writes. */
  authority: Actor;
}

/** The Agent the hub writes as when it delivers to its own LRS. */
export const HUB_DELIVERY_AUTHORITY: Actor = {
  objectType: 'Agent',
  name: 'xapi-hub delivery',
  account: { homePage: HUB_ACCOUNT_HOMEPAGE, name: 'xapi-hub' },
};

/** The authority of a credential: an Agent with an account on the hub, named by its key. */
export function authorityFor(key: string, name: string): Actor {
  return { objectType: 'Agent', name, account: { homePage: HUB_ACCOUNT_HOMEPAGE, name: key } };
}

/** How long a verified secret is trusted without scrypt again; also how long a revocation in another process may lag. */
export const VERIFIED_CACHE_MS = 60_000;
const CACHE_MAX_ENTRIES = 1000;

interface CacheEntry {
  /** HMAC of the verified secret under a per-process key: the cache never holds a secret. */
  verifier: Buffer;
  credential: LrsCredential;
  expiresAt: number;
}

/**
 * Basic-auth credentials of the built-in LRS, stored hashed (scrypt, per-credential salt) in
 * the database. A secret verified once is remembered briefly so a client's every request
 * does not pay for scrypt.
 */
export class LrsCredentials {
  private readonly pepper = randomBytes(32);
  private readonly cache = new Map<string, CacheEntry>();
  private readonly inFlight = new Map<string, Promise<LrsCredential | undefined>>();
  private dummyHash?: Promise<string>;
  /** The credential generated for this run when LRS_KEY/LRS_SECRET are unset: never stored. */
  private thisRun?: { credential: LrsCredential; secretDigest: Buffer };

  constructor(
    private readonly store: CredentialStore,
    private readonly clock: () => number = Date.now,
  ) {}

  /** The active credential an `Authorization: Basic …` header proves, or undefined. */
  async authenticate(header: string | undefined): Promise<LrsCredential | undefined> {
    const basic = parseBasicAuth(header);
    if (!basic) return undefined;
    if (this.thisRun && basic.key === this.thisRun.credential.key) {
      return timingSafeEqual(digest(basic.secret), this.thisRun.secretDigest) ? this.thisRun.credential : undefined;
    }
    const verifier = createHmac('sha256', this.pepper).update(`${basic.key}\0${basic.secret}`).digest();
    const cached = this.cache.get(basic.key);
    if (cached && cached.expiresAt > this.clock() && timingSafeEqual(cached.verifier, verifier)) return cached.credential;

    const flightKey = verifier.toString('base64');
    const pending = this.inFlight.get(flightKey);
    if (pending) return pending;
    const check = this.verify(basic.key, basic.secret, verifier).finally(() => this.inFlight.delete(flightKey));
    this.inFlight.set(flightKey, check);
    return check;
  }

  /** Issues a new credential; the secret is returned here and never again. */
  async create(input: { name: string; scopes: XapiScopeName[] }): Promise<{ credential: StoredCredential; secret: string }> {
    const key = `lrs-${randomBytes(8).toString('hex')}`;
    const secret = randomBytes(24).toString('base64url');
    const credential = await this.store.insert({
      key,
      name: input.name,
      secretHash: await hashSecret(secret),
      scopes: input.scopes,
      authority: authorityFor(key, input.name),
    });
    return { credential, secret };
  }

  list(): Promise<StoredCredential[]> {
    return this.store.list();
  }

  async revoke(key: string): Promise<boolean> {
    this.cache.delete(key);
    return this.store.revoke(key);
  }

  /**
   * A credential with scope `all` valid in this process only, as long as it runs: the dev
   * credential printed at start when LRS_KEY/LRS_SECRET are unset. Kept out of the database
   * so a login printed in an old log stops working with the run that printed it.
   */
  acceptForThisRun(key: string, secret: string): void {
    this.thisRun = { credential: { key, name: key, scopes: ['all'], authority: authorityFor(key, key) }, secretDigest: digest(secret) };
  }

  /**
   * Makes the environment's bootstrap credential (LRS_KEY/LRS_SECRET) exist, be active and
   * hold `all`; rehashes only when the secret changed.
   */
  async ensureBootstrap(key: string, secret: string): Promise<void> {
    const existing = await this.store.findWithHash(key);
    const current =
      existing &&
      existing.credential.revokedAt === null &&
      existing.credential.scopes.length === 1 &&
      existing.credential.scopes[0] === 'all' &&
      (await verifySecret(secret, existing.secretHash));
    if (current) return;
    this.cache.delete(key);
    await this.store.upsert({ key, name: key, secretHash: await hashSecret(secret), scopes: ['all'], authority: authorityFor(key, key) });
  }

  private async verify(key: string, secret: string, verifier: Buffer): Promise<LrsCredential | undefined> {
    const found = await this.store.findWithHash(key);
    // Spend the same scrypt on an unknown key, so timing does not tell which keys exist.
    const hash = found?.secretHash ?? (await (this.dummyHash ??= hashSecret(randomBytes(16).toString('hex'))));
    const matches = await verifySecret(secret, hash);
    if (!found || !matches || found.credential.revokedAt !== null) return undefined;
    const { name, scopes, authority } = found.credential;
    const credential: LrsCredential = { key, name, scopes, authority };
    this.remember(key, { verifier, credential, expiresAt: this.clock() + VERIFIED_CACHE_MS });
    return credential;
  }

  private remember(key: string, entry: CacheEntry): void {
    this.cache.delete(key);
    if (this.cache.size >= CACHE_MAX_ENTRIES) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, entry);
  }
}

function digest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}
