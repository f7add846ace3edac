import { createHash, timingSafeEqual } from 'node:crypto';
import type { Actor } from '../../xapi/statement';

/** Where credential authorities live: an account on the hub itself. */
export const HUB_ACCOUNT_HOMEPAGE = 'http://xapi-hub.local/credentials';

export interface LrsCredential {
  key: string;
  /** The Agent stamped as `authority` on every statement this credential writes. */
  authority: Actor;
}

/** The Agent the hub writes as when it delivers to its own LRS. */
export const HUB_DELIVERY_AUTHORITY: Actor = {
  objectType: 'Agent',
  name: 'xapi-hub delivery',
  account: { homePage: HUB_ACCOUNT_HOMEPAGE, name: 'xapi-hub' },
};

interface Entry {
  credential: LrsCredential;
  secretDigest: Buffer;
}

/**
 * Basic-auth credentials of the built-in LRS. Secrets are kept only as SHA-256 digests
 * and compared in constant time.
 */
export class LrsCredentials {
  private readonly byKey = new Map<string, Entry>();

  add(key: string, secret: string): LrsCredential {
    const credential: LrsCredential = {
      key,
      authority: { objectType: 'Agent', name: key, account: { homePage: HUB_ACCOUNT_HOMEPAGE, name: key } },
    };
    this.byKey.set(key, { credential, secretDigest: digest(secret) });
    return credential;
  }

  /** The credential an `Authorization: Basic …` header proves, or undefined. */
  authenticate(header: string | undefined): LrsCredential | undefined {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
    if (!match) return undefined;
    const decoded = Buffer.from(match[1], 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return undefined;
    const entry = this.byKey.get(decoded.slice(0, colon));
    const given = digest(decoded.slice(colon + 1));
    // Compare even for an unknown key, so timing does not tell which keys exist.
    const expected = entry?.secretDigest ?? digest('');
    return timingSafeEqual(given, expected) && entry ? entry.credential : undefined;
  }
}

function digest(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest();
}
