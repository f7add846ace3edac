import { createHash } from 'node:crypto';
import { identityKey } from './identity-key';
import type { DirectoryPerson } from './identity.types';
import type { DirectoryContents, PeopleRepository } from './people.repository';

/** How stale a process's copy of the directory may be: one version check per interval, not per statement. */
export const DIRECTORY_CHECK_MS = 1000;

export interface DirectorySnapshot {
  version: number;
  /** Identity key → person: the lookup resolution runs on. */
  byKey: ReadonlyMap<string, DirectoryPerson>;
}

/**
 * The directory, held in each process's memory so resolving a statement costs no database
 * round trip. Invalidation works across processes through the database, not Redis: every
 * directory write bumps a version row in the same transaction, and a cache reads that one row
 * at most every `checkEveryMs` and reloads when it moved. A Redis pub/sub message could be
 * missed across a reconnect and leave a worker stale for good; a version row cannot, and the
 * admin API (which writes) runs in roles that need no Redis at all. The cost: a change
 * reaches other workers within `checkEveryMs` (the writing process sees it at once).
 */
export class DirectoryCache {
  private snapshot?: DirectorySnapshot;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private refreshing?: Promise<DirectorySnapshot>;

  constructor(
    private readonly people: Pick<PeopleRepository, 'version' | 'loadDirectory'>,
    private readonly checkEveryMs = DIRECTORY_CHECK_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The directory as of at most `checkEveryMs` ago. */
  async current(): Promise<DirectorySnapshot> {
    if (this.snapshot && this.now() - this.checkedAt < this.checkEveryMs) return this.snapshot;
    // One check in flight per process, however many statements are waiting on it.
    this.refreshing ??= this.refresh().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  /** This process wrote the directory: check the version on the next look-up. */
  invalidate(): void {
    this.checkedAt = Number.NEGATIVE_INFINITY;
  }

  private async refresh(): Promise<DirectorySnapshot> {
    const checkedAt = this.now();
    if (this.snapshot && (await this.people.version()) === this.snapshot.version) {
      this.checkedAt = checkedAt;
      return this.snapshot;
    }
    this.snapshot = buildSnapshot(await this.people.loadDirectory());
    this.checkedAt = checkedAt;
    return this.snapshot;
  }
}

/**
 * Indexes the directory by identity key. Each e-mail also answers for its mbox_sha1sum (of the
 * normalised `mailto:` IRI), so a source that hashes addresses still finds the person.
 */
export function buildSnapshot(contents: DirectoryContents): DirectorySnapshot {
  const people = new Map(contents.people.map((person) => [person.id, person]));
  const byKey = new Map<string, DirectoryPerson>();
  for (const { key, personId } of contents.identities) {
    const person = people.get(personId);
    if (person) byKey.set(key, person);
  }
  for (const { key, personId } of contents.identities) {
    const person = people.get(personId);
    if (!person || !key.startsWith('mbox:')) continue;
    const hashed = identityKey({ mbox_sha1sum: createHash('sha1').update(key.slice('mbox:'.length)).digest('hex') });
    if (!byKey.has(hashed)) byKey.set(hashed, person);
  }
  return { version: contents.version, byKey };
}
