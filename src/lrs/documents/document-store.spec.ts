import { LrsError } from '../lrs-errors';
import type { HubDatabase } from '../../store/database';
import { type MigratedTestDatabase, migratedDatabase, TEST_ENGINES } from '../../../test/support/test-databases';
import type { DocumentAddress, StoredDocument } from './document-address';
import { etagOf } from './document-content';
import { DocumentStore, type WriteDecision } from './document-store';

const json = (value: unknown) => ({ content: Buffer.from(JSON.stringify(value)), contentType: 'application/json' });
const address = (over: Partial<DocumentAddress> = {}): DocumentAddress => ({
  kind: 'state',
  activityId: 'http://example.org/a',
  agentKey: 'mbox:mailto:ana@example.org',
  registration: '',
  documentId: 'bookmark',
  ...over,
});
const put = (body: { content: Buffer; contentType: string }) => (): WriteDecision => ({ put: body });

/** The store contract: the same cases on every engine the hub runs on. */
describe.each(TEST_ENGINES)('DocumentStore (%s)', (engine) => {
  let testDb: MigratedTestDatabase;
  let database: HubDatabase;
  let store: DocumentStore;

  beforeAll(async () => {
    testDb = await migratedDatabase(engine);
    database = testDb.database;
    store = new DocumentStore(database);
  });
  afterAll(async () => {
    await testDb?.close();
  });

  it('stores bytes and media type as sent, with the SHA-1 ETag and an update time', async () => {
    const bytes = Buffer.from([0, 1, 2, 255, 254]);
    const stored = await store.write(address({ documentId: 'binary' }), put({ content: bytes, contentType: 'application/octet-stream' }));
    const found = await store.find(address({ documentId: 'binary' }));
    expect(found).toEqual(stored);
    expect(found?.content.equals(bytes)).toBe(true);
    expect(found?.contentType).toBe('application/octet-stream');
    expect(found?.etag).toBe(etagOf(bytes));
    expect(found?.updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
  });

  it('keeps documents apart by kind, activity, agent, registration and id', async () => {
    const base = address({ documentId: 'apart' });
    const variants = [
      base,
      { ...base, kind: 'activity_profile' as const, agentKey: '' },
      { ...base, activityId: 'http://example.org/b' },
      { ...base, agentKey: 'mbox:mailto:bob@example.org' },
      { ...base, registration: '0f6f2f9c-4b3f-4a1e-9d8c-1b2c3d4e5f60' },
    ];
    for (const [i, a] of variants.entries()) await store.write(a, put(json({ i })));
    for (const [i, a] of variants.entries()) expect(JSON.parse((await store.find(a))!.content.toString())).toEqual({ i });
  });

  it('replaces a document, moving Last-Modified forward even within the same millisecond', async () => {
    const a = address({ documentId: 'replace' });
    const first = await store.write(a, put(json({ v: 1 })));
    const second = await store.write(a, put(json({ v: 2 })));
    expect(second!.etag).not.toBe(first!.etag);
    expect(second!.updated > first!.updated).toBe(true);
  });

  it('gives the decision the current document, and writes nothing when it refuses', async () => {
    const a = address({ documentId: 'refuse' });
    await store.write(a, put(json({ v: 1 })));
    let seen: StoredDocument | undefined;
    await expect(
      store.write(a, (current) => {
        seen = current;
        throw new LrsError('precondition-failed', 'no');
      }),
    ).rejects.toMatchObject({ kind: 'precondition-failed' });
    expect(seen?.content.toString()).toBe('{"v":1}');
    expect((await store.find(a))!.content.toString()).toBe('{"v":1}');
  });

  it('deletes one document, and tolerates deleting one that is not there', async () => {
    const a = address({ documentId: 'gone' });
    await store.write(a, put(json({})));
    await store.write(a, () => ({ delete: true }));
    expect(await store.find(a)).toBeUndefined();
    await expect(store.write(a, () => ({ delete: true }))).resolves.toBeUndefined();
  });

  it('lists ids changed after since, across registrations unless one is given', async () => {
    const scope = { kind: 'state' as const, activityId: 'http://example.org/list', agentKey: 'mbox:mailto:ana@example.org' };
    const registration = '11111111-2222-4333-8444-555555555555';
    await store.write({ ...scope, registration: '', documentId: 'old' }, put(json({})));
    const before = new Date(Date.now() + 1).toISOString();
    await new Promise((r) => setTimeout(r, 5));
    await store.write({ ...scope, registration, documentId: 'new' }, put(json({})));

    expect((await store.listIds(scope)).ids).toEqual(['new', 'old']);
    expect((await store.listIds(scope, before)).ids).toEqual(['new']);
    expect((await store.listIds({ ...scope, registration })).ids).toEqual(['new']);
    expect((await store.listIds({ ...scope, registration: '' })).ids).toEqual(['old']);
    expect((await store.listIds(scope)).lastModified).toBeDefined();

    expect(await store.deleteScope({ ...scope, registration })).toBe(1);
    expect(await store.deleteScope(scope)).toBe(1);
    expect((await store.listIds(scope)).ids).toEqual([]);
  });

  it('lets exactly one of many concurrent creates win; the others see its document', async () => {
    const a = address({ documentId: 'race' });
    const results = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        store.write(a, (current) => {
          if (current) throw new LrsError('precondition-failed', 'exists'); // what If-None-Match: * asks for
          return { put: json({ winner: i }) };
        }),
      ),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.filter((r) => r.status === 'rejected').every((r) => (r as PromiseRejectedResult).reason instanceof LrsError)).toBe(true);
  });

  it('serialises concurrent read-modify-writes: no update is lost', async () => {
    const a = address({ documentId: 'counter' });
    await store.write(a, put(json({ n: 0 })));
    await Promise.all(
      Array.from({ length: 10 }, () =>
        store.write(a, (current) => ({ put: json({ n: (JSON.parse(current!.content.toString()) as { n: number }).n + 1 }) })),
      ),
    );
    expect(JSON.parse((await store.find(a))!.content.toString())).toEqual({ n: 10 });
  });
});
