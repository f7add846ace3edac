import { randomUUID } from 'node:crypto';
import type { HubDatabase } from '../../store/database';
import { type MigratedTestDatabase, migratedDatabase, TEST_ENGINES } from '../../../test/support/test-databases';
import { ActivityStore, SETTLE_MS } from './activity-store';
import { PersonStore } from './person-store';

const ACTIVITY = 'http://www.example.com/verify/complete/34534';
const ANA = { objectType: 'Agent', name: 'Ana', mbox: 'mailto:ana@example.org' };

/**
 * Reads what the statements engineer's insert writes (statements + link tables); rows are
 * inserted directly so these cases do not depend on statement validation.
 */
describe.each(TEST_ENGINES)('ActivityStore and PersonStore over stored statements (%s)', (engine) => {
  let testDb: MigratedTestDatabase;
  let database: HubDatabase;
  let activities: ActivityStore;

  async function storeStatement(statement: Record<string, unknown>, stored: Date, links: { activity?: string; agentKey?: string }) {
    const [row] = await database.db
      .insertInto('statements')
      .values({
        id: randomUUID(),
        stored: stored.toISOString(),
        timestamp: stored.toISOString(),
        verb_id: 'http://adlnet.gov/expapi/verbs/attended',
        registration: null,
        voided: 0,
        voids_id: null,
        full_json: JSON.stringify(statement),
      })
      .returning('seq')
      .execute();
    if (links.activity) {
      await database.db.insertInto('statement_activities').values({ statement_seq: row.seq, activity_id: links.activity, relation: 'direct' }).execute();
    }
    if (links.agentKey) {
      await database.db.insertInto('statement_agents').values({ statement_seq: row.seq, agent_key: links.agentKey, relation: 'direct', verb_id: 'http://adlnet.gov/expapi/verbs/attended' }).execute();
    }
  }
  const about = (name: Record<string, string>, extra: Record<string, unknown> = {}) => ({
    actor: ANA,
    verb: { id: 'http://adlnet.gov/expapi/verbs/attended' },
    object: { objectType: 'Activity', id: ACTIVITY, definition: { name, ...extra } },
  });

  beforeAll(async () => {
    testDb = await migratedDatabase(engine);
    database = testDb.database;
    activities = new ActivityStore(database);
  });
  afterAll(async () => {
    await testDb?.close();
  });

  it('answers an Activity it has never seen with its id alone', async () => {
    await expect(activities.find('http://example.org/never-seen')).resolves.toEqual({ objectType: 'Activity', id: 'http://example.org/never-seen' });
  });

  it('merges the definitions of every statement, newer winning per language', async () => {
    const long = new Date(Date.now() - 2 * SETTLE_MS);
    await storeStatement(about({ 'en-US': 'example meeting' }, { type: 'http://adlnet.gov/expapi/activities/meeting' }), long, { activity: ACTIVITY });
    await storeStatement(about({ 'fr-FR': 'réunion' }), new Date(long.getTime() + 1), { activity: ACTIVITY });
    await storeStatement(about({ 'en-US': 'Example meeting' }), new Date(), { activity: ACTIVITY });

    const expected = {
      objectType: 'Activity',
      id: ACTIVITY,
      definition: { name: { 'en-US': 'Example meeting', 'fr-FR': 'réunion' }, type: 'http://adlnet.gov/expapi/activities/meeting' },
    };
    await expect(activities.find(ACTIVITY)).resolves.toEqual(expected);

    // The two settled statements were saved; the recent one is folded again on each read.
    const saved = await database.db.selectFrom('activity_definitions').selectAll().where('activity_id', '=', ACTIVITY).executeTakeFirstOrThrow();
    expect(JSON.parse(saved.definition_json)).toEqual({ name: { 'en-US': 'example meeting', 'fr-FR': 'réunion' }, type: expected.definition.type });
    await expect(activities.find(ACTIVITY)).resolves.toEqual(expected);
    await expect(activities.find(ACTIVITY, new Date(Date.now() + 2 * SETTLE_MS))).resolves.toEqual(expected);
  });

  it('builds a Person from the names the agent was given in its statements', async () => {
    const people = new PersonStore(database);
    const key = 'mbox:mailto:ana@example.org';
    await storeStatement({ ...about({ en: 'x' }), actor: { ...ANA, name: 'Ana B.' } }, new Date(), { agentKey: key });
    const person = await people.find({ mbox: 'mailto:ana@example.org' });
    expect(person.objectType).toBe('Person');
    expect(person.mbox).toEqual(['mailto:ana@example.org']);
    expect(person.name).toEqual(['Ana B.']);
    await expect(people.find({ openid: 'http://openid.example.org/nobody' })).resolves.toEqual({
      objectType: 'Person',
      openid: ['http://openid.example.org/nobody'],
    });
  });
});
