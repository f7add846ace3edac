import { migratedDatabase, type MigratedTestDatabase, TEST_ENGINES } from '../../test/support/test-databases';
import { InboxRepository } from './inbox.repository';

describe.each(TEST_ENGINES)('the inbox (%s)', (engine) => {
  let test: MigratedTestDatabase;
  let inbox: InboxRepository;

  beforeAll(async () => {
    test = await migratedDatabase(engine);
    inbox = new InboxRepository(test.database);
  });
  afterAll(() => test?.close());

  it('reads several events in one call, in the order asked, with a gap for an id it does not hold', async () => {
    const ids = [`first-${engine}`, `second-${engine}`];
    await inbox.recordAll(ids.map((eventId) => ({ eventId, instanceId: 'lms', eventKey: eventId, receivedAt: new Date(), body: { eventId }, contentType: 'application/json' })));

    const events = await inbox.findMany([ids[1], 'never-received', ids[0], ids[1]]);

    expect(events.map((event) => event?.event_id)).toEqual([ids[1], undefined, ids[0], ids[1]]);
    expect(JSON.parse(events[2]?.raw_body ?? '')).toEqual({ eventId: ids[0] });
    expect(await inbox.findMany([])).toEqual([]);
  });
});
