import { createHash } from 'node:crypto';
import { DirectoryCache } from './directory-cache';
import type { DirectoryContents } from './people.repository';

/** A directory whose reads are counted: the cache's promise is no round trip per look-up. */
function countingDirectory() {
  const state = { version: 1, versionReads: 0, loads: 0 };
  const contents = (): DirectoryContents => ({
    version: state.version,
    people: [{ id: 'p1', actor: { mbox: 'mailto:ana@acme.example' }, attributes: {} }],
    identities: [{ key: 'mbox:mailto:ana@acme.example', personId: 'p1' }],
  });
  return {
    state,
    repository: {
      version: async () => (state.versionReads++, state.version),
      loadDirectory: async () => (state.loads++, contents()),
    },
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('DirectoryCache', () => {
  it('reads the database once per interval, however many look-ups, and reloads only when the version moved', async () => {
    const { state, repository } = countingDirectory();
    let now = 0;
    const cache = new DirectoryCache(repository, 1000, () => now);
    for (let i = 0; i < 1000; i++) await cache.current();
    expect(state).toMatchObject({ loads: 1, versionReads: 0 });

    now = 1500;
    await Promise.all([cache.current(), cache.current(), cache.current()]);
    await settle();
    expect(state).toMatchObject({ loads: 1, versionReads: 1 });

    state.version = 2;
    now = 1600;
    await cache.current();
    await settle();
    expect(state.loads).toBe(1); // still within the interval: another process's write is not seen yet
    now = 2600;
    // The look-up that notices goes on with the copy it has; the reload lands in the background.
    expect((await cache.current()).version).toBe(1);
    await settle();
    expect((await cache.current()).version).toBe(2);
    expect(state.loads).toBe(2);
  });

  it('keeps answering from its copy while the database is away', async () => {
    const { state, repository } = countingDirectory();
    let now = 0;
    const cache = new DirectoryCache({ ...repository, version: async () => (state.versionReads++, Promise.reject(new Error('down'))) }, 1000, () => now);
    await cache.current();
    now = 5000;
    for (let i = 0; i < 100; i++) expect((await cache.current()).version).toBe(1);
    await settle();
    expect(state.versionReads).toBe(1);
  });

  it('sees this process’s own write at once after invalidate()', async () => {
    const { state, repository } = countingDirectory();
    const cache = new DirectoryCache(repository, 60_000, () => 0);
    await cache.current();
    state.version = 5;
    cache.invalidate();
    expect((await cache.current()).version).toBe(5);
  });

  it('answers for the mbox_sha1sum of a known e-mail', async () => {
    const { repository } = countingDirectory();
    const sha1 = createHash('sha1').update('mailto:ana@acme.example').digest('hex');
    expect((await new DirectoryCache(repository).current()).byKey.get(`mbox_sha1sum:${sha1}`)?.id).toBe('p1');
  });
});
