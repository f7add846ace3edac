import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../../xapi/statement';
import { parseBasicAuth } from './basic-auth';
import type { CredentialStore, StoredCredential } from './credential-store';
import { hashSecret, verifySecret } from './secret-hash';
import { LrsError } from '../lrs-errors';
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

const CACHE_MAX_ENTRIES = 1000;

interface CacheEntry {
  /** HMAC of the verified secret under a per-process key: the cache never holds a secret. */
  verifier: Buffer;
  /** The stored hash the secret was verified against: a changed secret makes the entry useless. */
  secretHash: string;
}

/** Revoking the bootstrap credential: it comes from the environment, and the next start would restore it. */
export class CredentialFromEnvironmentError extends LrsError {
  constructor(readonly key: string) {
    super('conflict', `credential ${key} comes from the environment (LRS_KEY/LRS_SECRET) and cannot be revoked here`, [
      'to retire it, change LRS_SECRET (or unset LRS_KEY and LRS_SECRET) and restart every hub process',
    ]);
  }
}

/**
 * Basic-auth credentials of the built-in LRS, stored hashed (scrypt, per-credential salt) in
 * the database. Every request reads its credential's row (one indexed lookup), so a
 * revocation — made by this process or any other on the same database — refuses every
 * request that starts after it answered. What is remembered is only that a secret matched a
 * given stored hash, so a client's every request does not pay for scrypt.
 */
export class LrsCredentials {
  private readonly pepper = randomBytes(32);
  private readonly verified = new Map<string, CacheEntry>();
  private readonly inFlight = new Map<string, Promise<boolean>>();
  private dummyHash?: Promise<string>;
  /** The credential generated for this run when LRS_KEY/LRS_SECRET are unset: never stored. */
  private thisRun?: { credential: LrsCredential; secretDigest: Buffer };

  /** @param environmentKey the bootstrap credential's key (LRS_KEY, or the one generated for this run). */
  constructor(
    private readonly store: CredentialStore,
    private readonly environmentKey?: string,
  ) {}

  /** The active credential an `Authorization: Basic …` header proves, or undefined. */
  async authenticate(header: string | undefined): Promise<LrsCredential | undefined> {
    const basic = parseBasicAuth(header);
    if (!basic) return undefined;
    if (this.thisRun && basic.key === this.thisRun.credential.key) {
      return timingSafeEqual(digest(basic.secret), this.thisRun.secretDigest) ? this.thisRun.credential : undefined;
    }
    const found = await this.store.findWithHash(basic.key);
    const matches = await this.secretMatches(basic.key, basic.secret, found?.secretHash);
    if (!found || !matches || found.credential.revokedAt !== null) return undefined;
    const { name, scopes, authority } = found.credential;
    return { key: basic.key, name, scopes, authority };
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

  /**
   * Marks the credential revoked; false when there is no such active credential. Throws
   * CredentialFromEnvironmentError for the bootstrap credential, which a restart would bring back.
   */
  async revoke(key: string): Promise<boolean> {
    if (key === this.environmentKey || key === this.thisRun?.credential.key) throw new CredentialFromEnvironmentError(key);
    this.verified.delete(key);
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
    this.verified.delete(key);
    await this.store.upsert({ key, name: key, secretHash: await hashSecret(secret), scopes: ['all'], authority: authorityFor(key, key) });
  }

  /** Whether `secret` is the one `secretHash` was made from; scrypt once per key, secret and hash. */
  private async secretMatches(key: string, secret: string, secretHash: string | undefined): Promise<boolean> {
    const verifier = createHmac('sha256', this.pepper).update(`${key}\0${secret}`).digest();
    const known = this.verified.get(key);
    if (secretHash !== undefined && known && known.secretHash === secretHash && timingSafeEqual(known.verifier, verifier)) return true;

    // Spend the same scrypt on an unknown key, so timing does not tell which keys exist.
    const hash = secretHash ?? (await (this.dummyHash ??= hashSecret(randomBytes(16).toString('hex'))));
    const flightKey = `${verifier.toString('base64')}\0${hash}`;
    let check = this.inFlight.get(flightKey);
    if (!check) {
      check = verifySecret(secret, hash).finally(() => this.inFlight.delete(flightKey));
      this.inFlight.set(flightKey, check);
    }
    const matches = await check;
    if (matches && secretHash !== undefined) this.remember(key, { verifier, secretHash });
    return matches;
  }

  private remember(key: string, entry: CacheEntry): void {
    this.verified.delete(key);
    if (this.verified.size >= CACHE_MAX_ENTRIES) this.verified.delete(this.verified.keys().next().value as string);
    this.verified.set(key, entry);
  }
}

function digest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}
