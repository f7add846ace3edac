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
 * admin API (which writes) runs in roles that need no Redis at all.
 *
 * The check and the reload run in the background while look-ups go on with the copy they have
 * (a reload reads every person: ~0.1–0.3 s for 10,000 here, which must not stall the pipeline),
 * so another process's change is seen within `checkEveryMs` plus one reload. A change this
 * process made (`invalidate()`) is waited for: the next look-up sees it.
 */
export class DirectoryCache {
  private snapshot?: DirectorySnapshot;
  private checkedAt = Number.NEGATIVE_INFINITY;
  private ownWrite = false;
  private refreshing?: Promise<DirectorySnapshot>;

  constructor(
    private readonly people: Pick<PeopleRepository, 'version' | 'loadDirectory'>,
    private readonly checkEveryMs = DIRECTORY_CHECK_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The directory as of at most `checkEveryMs` (plus a reload) ago; this process's own writes included. */
  async current(): Promise<DirectorySnapshot> {
    if (!this.snapshot || this.ownWrite) return this.refresh();
    if (this.now() - this.checkedAt >= this.checkEveryMs) {
      // Nobody waits on a background check; a failure (database away) is retried next interval.
      this.refresh().catch(() => undefined);
    }
    return this.snapshot;
  }

  /** This process wrote the directory: the next look-up waits for the reload. */
  invalidate(): void {
    this.ownWrite = true;
  }

  /** One check in flight per process, however many look-ups are asking. */
  private refresh(): Promise<DirectorySnapshot> {
    this.refreshing ??= this.check().finally(() => (this.refreshing = undefined));
    return this.refreshing;
  }

  private async check(): Promise<DirectorySnapshot> {
    const startedAt = this.now();
    // Counted as checked even if it fails, so a database outage costs one query per interval, not per statement.
    this.checkedAt = startedAt;
    const wasOwnWrite = this.ownWrite;
    this.ownWrite = false;
    try {
      if (this.snapshot && !wasOwnWrite && (await this.people.version()) === this.snapshot.version) return this.snapshot;
      this.snapshot = buildSnapshot(await this.people.loadDirectory());
      return this.snapshot;
    } catch (error) {
      if (wasOwnWrite) this.ownWrite = true;
      throw error;
    }
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
