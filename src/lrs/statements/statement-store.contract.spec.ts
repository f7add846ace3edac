import { createHash, randomUUID } from 'node:crypto';
import type { HubDatabase } from '../../store/database';
import type { Actor, Statement } from '../../xapi/statement';
import { type MigratedTestDatabase, migratedDatabase, TEST_ENGINES } from '../../../test/support/test-databases';
import { AttachmentStore } from '../attachments/attachment-store';
import { prepareStatement, VOIDED_VERB } from './prepare-statement';
import type { StatementQuery } from './statement-query-params';
import { StatementConflictError, StatementStore, VoidingVoidError } from './statement-store';

const AUTHORITY: Actor = { objectType: 'Agent', account: { homePage: 'http://hub.example', name: 'writer' } };
const OTHER_AUTHORITY: Actor = { objectType: 'Agent', account: { homePage: 'http://hub.example', name: 'other' } };
const ATTENDED = 'http://adlnet.gov/expapi/verbs/attended';
const ana = { objectType: 'Agent' as const, mbox: 'mailto:ana@example.org' };
const bob = { objectType: 'Agent' as const, mbox: 'mailto:bob@example.org' };

const statement = (extra: Partial<Statement> = {}): Statement => ({
  id: randomUUID(),
  actor: ana,
  verb: { id: ATTENDED },
  object: { id: 'http://example.org/activities/meeting' },
  ...extra,
});
const ref = (id: string, verb = 'http://example.org/verbs/confirmed'): Statement =>
  statement({ actor: bob, verb: { id: verb }, object: { objectType: 'StatementRef', id } });
const voiding = (id: string) => ref(id, VOIDED_VERB);

/** The same cases against every engine: the store must behave alike on SQLite and PostgreSQL. */
describe.each(TEST_ENGINES)('StatementStore contract (%s)', (engine) => {
  let testDb: MigratedTestDatabase;
  let database: HubDatabase;
  let store: StatementStore;
  let attachments: AttachmentStore;

  beforeAll(async () => {
    testDb = await migratedDatabase(engine);
    database = testDb.database;
    store = new StatementStore(database);
    attachments = new AttachmentStore(database);
  });
  afterAll(async () => {
    await testDb?.close();
  });

  let clock = Date.parse('2030-01-01T00:00:00.000Z');
  /** Stores statements, each batch one tick after the last, as the service would. */
  const put = async (statements: Statement[], authority = AUTHORITY) => {
    clock += 1000;
    const prepared = statements.map((s) => prepareStatement(s, { stored: new Date(clock), authority, version: '1.0.3' }));
    await store.insert(() => prepared);
    return prepared;
  };
  const ids = async (query: Partial<StatementQuery>) => (await store.query({ limit: 100, ...query })).map((row) => JSON.parse(row.fullJson).id);

  it('stores a statement and finds it by id', async () => {
    const s = statement();
    await put([s]);
    const found = await store.findById(s.id!);
    expect(found).toMatchObject({ voided: false });
    expect(JSON.parse(found!.fullJson)).toMatchObject({ id: s.id, authority: AUTHORITY, version: '1.0.0' });
  });

  it('treats the same id with the same content as a no-op, and with other content as a conflict of the whole batch', async () => {
    const s = statement();
    await put([s]);
    await expect(put([{ ...s, verb: { id: ATTENDED, display: { 'en-US': 'attended' } } }])).resolves.toBeDefined();
    const innocent = statement();
    await expect(put([innocent, { ...s, verb: { id: 'http://example.org/other' } }])).rejects.toBeInstanceOf(StatementConflictError);
    expect(await store.findById(innocent.id!)).toBeUndefined();
    expect(JSON.parse((await store.findById(s.id!))!.fullJson).verb.id).toBe(ATTENDED);
  });

  it('voids a target stored before or after the voiding statement, never a voiding one', async () => {
    const early = statement();
    await put([early]);
    await put([voiding(early.id!)]);
    expect((await store.findById(early.id!))?.voided).toBe(true);

    const late = statement();
    const voider = voiding(late.id!);
    await put([voider]);
    await put([late]);
    expect((await store.findById(late.id!))?.voided).toBe(true);
    expect((await store.findById(voider.id!))?.voided).toBe(false);

    await expect(put([voiding(voider.id!)])).rejects.toBeInstanceOf(VoidingVoidError);
  });

  it('filters by agent, verb, activity and registration, with the related_* flags widening them', async () => {
    const registration = randomUUID();
    const activity = `http://example.org/activities/${randomUUID()}`;
    const direct = statement({ actor: ana, object: { id: activity }, context: { registration } });
    const related = statement({
      actor: bob,
      verb: { id: 'http://example.org/verbs/taught' },
      object: { id: 'http://example.org/activities/other' },
      context: { instructor: ana, contextActivities: { parent: [{ id: activity }] } },
    });
    await put([direct, related]);
    expect(await ids({ activityId: activity })).toEqual([direct.id]);
    expect(await ids({ activityId: activity, relatedActivities: true })).toEqual([related.id, direct.id]);
    expect(await ids({ activityId: activity, registration })).toEqual([direct.id]);
    expect(await ids({ agentKey: 'mbox:mailto:ana@example.org', relatedAgents: true, activityId: activity, relatedActivities: true })).toEqual([
      related.id,
      direct.id,
    ]);
    expect(await ids({ agentKey: 'mbox:mailto:bob@example.org', activityId: activity, relatedActivities: true })).toEqual([related.id]);
  });

  it('matches the authority as a related agent, alone or with other filters, newest first', async () => {
    const verb = `http://example.org/verbs/${randomUUID()}`;
    const writer = 'account:http://hub.example|other';
    const [first] = await put([statement({ verb: { id: verb } })], OTHER_AUTHORITY);
    const [second] = await put([statement({ verb: { id: verb }, actor: bob })], OTHER_AUTHORITY);
    const [elsewhere] = await put([statement({ verb: { id: verb } })]);
    expect(await ids({ agentKey: writer, verbId: verb })).toEqual([]);
    expect(await ids({ agentKey: writer, verbId: verb, relatedAgents: true })).toEqual([second.id, first.id]);
    expect(await ids({ agentKey: writer, relatedAgents: true, limit: 1 })).toEqual([second.id]);
    expect(await ids({ agentKey: 'mbox:mailto:bob@example.org', verbId: verb, relatedAgents: true })).toEqual([second.id]);
    expect(await ids({ agentKey: 'mbox:mailto:ana@example.org', verbId: verb, relatedAgents: true })).toEqual([elsewhere.id, first.id]);
  });

  it('returns statements that target a matching statement, the voided target excluded (Communication §2.1.3)', async () => {
    const verb = `http://example.org/verbs/${randomUUID()}`;
    const a = statement({ verb: { id: verb } });
    await put([a]);
    const b = voiding(a.id!);
    await put([b]);
    const c = statement({ verb: { id: verb }, object: { objectType: 'StatementRef', id: a.id! } });
    await put([c]);
    const d = ref(c.id!);
    await put([d]);
    expect(await ids({ verbId: verb })).toEqual([d.id, c.id, b.id]);
    expect(await ids({ verbId: verb, since: (await store.findById(b.id!))!.stored })).toEqual([d.id, c.id]);
    expect(await ids({ verbId: verb, ascending: true, limit: 2 })).toEqual([b.id, c.id]);
  });

  it('pages with a keyset that new statements do not disturb', async () => {
    const verb = `http://example.org/verbs/${randomUUID()}`;
    const batch = [1, 2, 3, 4, 5].map(() => statement({ verb: { id: verb } }));
    for (const s of batch) await put([s]);
    const first = await store.query({ verbId: verb, limit: 2 });
    await put([statement({ verb: { id: verb } })]);
    const second = await store.query({ verbId: verb, limit: 2, afterSeq: first[1].seq });
    expect([...first, ...second].map((row) => JSON.parse(row.fullJson).id)).toEqual([batch[4].id, batch[3].id, batch[2].id, batch[1].id]);
  });

  it('limits to one authority for statements/read/mine', async () => {
    const verb = `http://example.org/verbs/${randomUUID()}`;
    const mine = statement({ verb: { id: verb } });
    await put([mine]);
    await put([statement({ verb: { id: verb } })], OTHER_AUTHORITY);
    expect(await ids({ verbId: verb, authorityKey: 'account:http://hub.example|writer' })).toEqual([mine.id]);
  });

  it('keeps attachment bytes once per sha2', async () => {
    const content = Buffer.from([0, 1, 2, 255]);
    const sha2 = createHash('sha256').update(content).digest('hex');
    const att = { sha2, contentType: 'application/octet-stream', content };
    const make = () => prepareStatement(statement(), { stored: new Date(), authority: AUTHORITY, version: '2.0.0' });
    await store.insert(() => [make()], [att]);
    await store.insert(() => [make()], [att]);
    expect(await attachments.findByHashes([sha2.toUpperCase()])).toEqual([att]);
    const count = await database.db.selectFrom('attachments').select((eb) => eb.fn.countAll().as('n')).where('sha2', '=', sha2).executeTakeFirst();
    expect(Number(count?.n)).toBe(1);
  });
});
