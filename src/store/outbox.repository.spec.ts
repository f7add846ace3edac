import { migratedDatabase, type MigratedTestDatabase, TEST_ENGINES } from '../../test/support/test-databases';
import { InboxRepository } from './inbox.repository';
import { OutboxRepository } from './outbox.repository';
import { QuarantineRepository } from './quarantine.repository';

describe.each(TEST_ENGINES)('the delivery outbox (%s)', (engine) => {
  let test: MigratedTestDatabase;
  let outbox: OutboxRepository;
  let inbox: InboxRepository;
  let eventCount = 0;

  beforeAll(async () => {
    test = await migratedDatabase(engine);
    outbox = new OutboxRepository(test.database);
    inbox = new InboxRepository(test.database);
  });
  afterAll(() => test?.close());

  /** An inbox event normalized into `n` statements for `destinations`. */
  async function normalized(n: number, destinations = ['a', 'b'], quarantined: { statement: unknown; issues: unknown[] }[] = []) {
    const eventId = `event-${engine}-${++eventCount}`;
    await inbox.recordAll([{ eventId, instanceId: 'lms', eventKey: eventId, receivedAt: new Date(), body: {}, contentType: 'application/json' }]);
    const statements = Array.from({ length: n }, (_, i) => ({ id: `${eventId}-s${i}`, verb: { id: 'x' } }));
    await outbox.recordNormalized({ eventId, instanceId: 'lms', destinations, statements, quarantined });
    return { eventId, statements };
  }

  it('writes one row per statement × destination with the inbox status, once however often normalize runs', async () => {
    const { eventId, statements } = await normalized(3);
    await outbox.recordNormalized({ eventId, instanceId: 'lms', destinations: ['a', 'b'], statements, quarantined: [] });
    const rows = await outbox.forEvent(eventId);
    expect(rows).toHaveLength(6);
    expect(rows.every((row) => row.status === 'pending')).toBe(true);
    expect((await inbox.find(eventId))?.status).toBe('normalized');
  });

  it('keeps one quarantine row per statement when a retried normalize writes it again', async () => {
    const bad = [{ statement: { id: 'q-1' }, issues: [{ path: 'verb', reason: 'is required' }] }];
    const { eventId } = await normalized(0, ['a'], bad);
    await outbox.recordNormalized({ eventId, instanceId: 'lms', destinations: ['a'], statements: [], quarantined: bad });
    const rows = await new QuarantineRepository(test.database).forEvent(eventId);
    expect(rows).toHaveLength(1);
    expect(JSON.parse(rows[0].reasons)).toEqual([{ path: 'verb', reason: 'is required' }]);
    expect((await inbox.find(eventId))?.status).toBe('quarantined');
  });

  it('records released statements of a settled event without touching its status or its other quarantine rows', async () => {
    const earlier = [{ statement: { id: 'q-earlier' }, issues: [{ path: 'verb', reason: 'is required' }] }];
    const { eventId } = await normalized(1, ['a'], earlier);
    const released = { id: `${eventId}-held`, verb: { id: 'x' } };
    const invalid = { statement: { id: `${eventId}-held-bad` }, issues: [{ path: 'actor', reason: 'no identifier' }] };
    await outbox.recordReleased([{ eventId, instanceId: 'lms', destinations: ['a', 'b'], statements: [released], quarantined: [invalid] }]);

    expect((await outbox.forEvent(eventId)).map((row) => `${row.destination_id}:${row.statement_id}`).sort()).toEqual([`a:${eventId}-s0`, `a:${eventId}-held`, `b:${eventId}-held`].sort());
    const quarantine = await new QuarantineRepository(test.database).forEvent(eventId);
    expect(quarantine.map((row) => [row.statement_id, row.resolved_at])).toEqual([
      ['q-earlier', null],
      [`${eventId}-held-bad`, null],
    ]);
    expect((await inbox.find(eventId))?.status).toBe('quarantined');
  });

  it('gives each due row to one claimer, and a claim whose lease ran out (a killed worker) to the next', async () => {
    await normalized(4, ['claims']);
    const [first, second] = await Promise.all([outbox.claim('claims', 'w1', 3, 60_000), outbox.claim('claims', 'w2', 3, 60_000)]);
    const seqs = [...first, ...second].map((row) => row.seq);
    expect(new Set(seqs).size).toBe(4);
    expect(await outbox.claim('claims', 'w3', 10, 60_000)).toHaveLength(0);
    // w1 dies: once its lease is over, its rows are claimable again.
    const later = new Date(Date.now() + 61_000);
    const reclaimed = await outbox.claim('claims', 'w3', 10, 60_000, later);
    expect(reclaimed.map((row) => row.seq).sort()).toEqual(seqs.sort());
    // The dead worker's late answer changes nothing: the rows are w3's now.
    await outbox.markDelivered(first.map((row) => row.seq), 'w1');
    expect((await outbox.backlog('claims')).backlog).toBe(4);
  });

  it('reschedules, dead-letters with the answer, replays with the same statement id, and discards', async () => {
    const { eventId } = await normalized(2, ['dl']);
    const rows = await outbox.claim('dl', 'w', 10, 60_000);
    await outbox.markDead([rows[0].seq], 'w', 'rejected', 'LRS answered 400: bad verb');
    const retryAt = new Date(Date.now() + 60_000);
    await outbox.reschedule([rows[1].seq], 'w', retryAt, 'LRS answered 503');
    expect(await outbox.claim('dl', 'w', 10, 60_000)).toHaveLength(0);

    const [dead] = await outbox.deadLetters({ destination: 'dl' }, 10);
    expect(dead).toMatchObject({ event_id: eventId, dead_reason: 'rejected', last_answer: 'LRS answered 400: bad verb', attempts: 1 });
    expect(await outbox.deadLetters({ destination: 'dl', reason: 'conflict' }, 10)).toHaveLength(0);

    expect(await outbox.replay({ ids: [dead.seq] })).toEqual({ count: 1, destinations: ['dl'] });
    expect(await outbox.replay({ ids: [dead.seq] })).toEqual({ count: 0, destinations: [] });
    const [again] = await outbox.claim('dl', 'w', 10, 60_000);
    expect(again.statement_id).toBe(dead.statement_id);
    await outbox.markDead([again.seq], 'w', 'rejected', 'still bad');
    expect(await outbox.discard(again.seq, 'the source sent garbage')).toBe(true);
    expect(await outbox.deadLetters({ destination: 'dl' }, 10)).toHaveLength(0);
  });

  it('expires rows that waited past the schedule, even if never attempted', async () => {
    await normalized(2, ['exp']);
    const expired = await outbox.expireOverdue('exp', new Date(Date.now() + 1000));
    expect(expired).toHaveLength(2);
    expect((await outbox.deadLetters({ destination: 'exp', reason: 'expired' }, 10)).length).toBe(2);
  });
});
