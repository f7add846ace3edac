import { type MigratedTestDatabase, migratedDatabase, TEST_ENGINES } from '../../test/support/test-databases';
import { createPinoLogger, HubLogger } from '../observability/hub-logger';
import type { Statement } from '../xapi/statement';
import { DirectoryCache } from './directory-cache';
import { HeldStatementsRepository } from './held-statements.repository';
import { IdentityResolver } from './identity-resolver.service';
import type { InstanceIdentitySettings } from './identity-settings';
import { PeopleRepository } from './people.repository';
import { pseudonymise } from './pseudonymise';
import { SOURCE_ACTOR_EXTENSION } from './resolve-statement';

const ANA = { objectType: 'Agent' as const, mbox: 'mailto:ana.lima@acme.example', name: 'Ana Lima' };
const statementBy = (actor: Statement['actor'], id: string): Statement => ({
  id,
  actor,
  verb: { id: 'http://adlnet.gov/expapi/verbs/attended' },
  object: { id: 'https://acme.example/sessions/1' },
});
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** The resolver on a real database, both engines: the directory as normalize will use it. */
describe.each(TEST_ENGINES)('IdentityResolver (%s)', (engine) => {
  let testDb: MigratedTestDatabase;
  let people: PeopleRepository;
  let resolver: IdentityResolver;
  let otherProcess: IdentityResolver;
  const settings = new Map<string, InstanceIdentitySettings>([
    ['moodle', { unknownActors: 'pass', cohortAttributes: ['team'] }],
    ['slack', { unknownActors: 'pass', cohortAttributes: [] }],
    ['bamboohr', { unknownActors: 'pass', cohortAttributes: [] }],
    ['calendar', { unknownActors: 'hold', cohortAttributes: [] }],
  ]);
  const logger = new HubLogger(createPinoLogger('silent'));

  beforeAll(async () => {
    testDb = await migratedDatabase(engine);
    people = new PeopleRepository(testDb.database);
    const held = new HeldStatementsRepository(testDb.database);
    resolver = new IdentityResolver(people, new DirectoryCache(people, 0), held, settings, logger);
    // A second worker process: its own cache, checking the shared version every 50 ms.
    otherProcess = new IdentityResolver(people, new DirectoryCache(people, 50), held, settings, logger);
  });
  afterAll(async () => {
    await testDb?.close();
  });

  it('resolves one person from Moodle, Slack, BambooHR and a calendar to one canonical actor', async () => {
    const outcomes = await resolver.learn('bamboohr', [
      { identities: [{ mbox: 'mailto:Ana.Lima@acme.example' }, { source: 'bamboohr', id: '377' }], name: 'Ana Lima', attributes: { team: 'Sales' } },
    ]);
    expect(outcomes).toEqual([{ kind: 'created', personId: expect.any(String) }]);
    await resolver.learn('slack', [{ identities: [{ account: { homePage: 'https://acme.slack.com', name: 'U07ANA' } }, { mbox: 'mailto:ana.lima@acme.example' }] }]);

    const [moodle, slack, bamboo, calendar] = await Promise.all([
      resolver.resolve('moodle', [statementBy({ mbox: 'mailto:ANA.LIMA@acme.example', name: 'Ana L.' }, uuid(1))]),
      resolver.resolve('slack', [statementBy({ account: { homePage: 'https://acme.slack.com', name: 'U07ANA' } }, uuid(2))]),
      resolver.resolve('bamboohr', [statementBy({ account: { homePage: 'https://acme.bamboohr.com', name: '377' } }, uuid(3))]),
      resolver.resolve('calendar', [statementBy({ objectType: 'Agent', mbox: 'mailto:ana.lima@acme.example' }, uuid(4))]),
    ]);
    for (const result of [moodle, slack, bamboo, calendar]) {
      expect(result.held).toEqual([]);
      expect(result.statements[0].actor).toEqual(ANA);
    }
    expect(moodle.statements[0].context?.extensions).toEqual({
      [SOURCE_ACTOR_EXTENSION]: { objectType: 'Agent', mbox: 'mailto:ANA.LIMA@acme.example' },
      'https://xapi-hub.dev/extensions/cohort/team': 'Sales',
    });
    expect(slack.statements[0].context?.extensions?.[SOURCE_ACTOR_EXTENSION]).toEqual({
      objectType: 'Agent',
      account: { homePage: 'https://acme.slack.com', name: 'U07ANA' },
    });
  });

  it('pseudonymises one person identically across sources and events, and other people differently', async () => {
    const { statements } = await resolver.resolve('moodle', [
      statementBy({ mbox: 'mailto:ana.lima@acme.example' }, uuid(30)),
      statementBy({ mbox: 'mailto:someone.else@acme.example' }, uuid(31)),
    ]);
    const { statements: fromSlack } = await resolver.resolve('slack', [statementBy({ account: { homePage: 'https://acme.slack.com', name: 'U07ANA' } }, uuid(32))]);
    const options = { key: 'analytics-destination-key', homePage: 'https://analytics.acme.example', mode: 'account' as const };
    const [ana, stranger, anaOnSlack] = [...statements, ...fromSlack].map((s) => pseudonymise(s, options));
    expect(anaOnSlack.actor).toEqual(ana.actor);
    expect(stranger.actor).not.toEqual(ana.actor);
    expect(JSON.stringify([ana, anaOnSlack])).not.toMatch(/ana\.lima|Ana Lima|U07ANA/i);
  });

  it('passes an unknown actor through under `pass`, holds it under `hold`, and releases it once resolved', async () => {
    const stranger = { mbox: 'mailto:carol@acme.example' };
    const passed = await resolver.resolve('moodle', [statementBy(stranger, uuid(10))]);
    expect(passed).toEqual({ statements: [statementBy(stranger, uuid(10))], held: [] });

    const held = await resolver.resolve('calendar', [statementBy(stranger, uuid(11)), statementBy({ mbox: 'mailto:ana.lima@acme.example' }, uuid(12))], 'event-1');
    expect(held.held.map((s) => s.id)).toEqual([uuid(11)]);
    expect(held.statements.map((s) => s.id)).toEqual([uuid(12)]);
    // A retry of the same normalize job holds nothing twice.
    await resolver.resolve('calendar', [statementBy(stranger, uuid(11))], 'event-1');

    const carol = await people.create({ actor: { objectType: 'Agent', mbox: 'mailto:carol.jones@acme.example', name: 'Carol' }, attributes: {}, identities: [stranger] });
    const released = await resolver.releaseHeld(carol.id);
    expect(released).toEqual([
      { heldId: expect.any(Number), eventId: 'event-1', instanceId: 'calendar', statement: expect.objectContaining({ id: uuid(11), actor: carol.actor }) },
    ]);
    await resolver.markReleased(released.map((r) => r.heldId));
    expect(await resolver.releaseHeld(carol.id)).toEqual([]);
  });

  it('sees a late merge in another process within its check interval', async () => {
    const slackOnly = { account: { homePage: 'https://acme.slack.com', name: 'U0DAN' } };
    await otherProcess.resolve('slack', [statementBy(slackOnly, uuid(20))]); // warms that process's cache
    const dan = await people.create({ actor: { objectType: 'Agent', mbox: 'mailto:dan@acme.example', name: 'Dan' }, attributes: {}, identities: [] });
    const danOnSlack = await people.create({ actor: { objectType: 'Agent', ...slackOnly }, attributes: { team: 'Ops' }, identities: [] });
    await people.merge(dan.id, danOnSlack.id);

    // That process sees it within its interval (50 ms) plus one reload, without being told.
    const deadline = Date.now() + 1000;
    let actor;
    do {
      await new Promise((r) => setTimeout(r, 20));
      actor = (await otherProcess.resolve('slack', [statementBy(slackOnly, uuid(21))])).statements[0].actor;
    } while (actor.mbox === undefined && Date.now() < deadline);
    expect(actor).toEqual(dan.actor);
    expect(await people.get(danOnSlack.id)).toBeUndefined();
    expect((await people.get(dan.id))?.attributes).toEqual({ team: 'Ops' });
  });

  it('never merges two people from one hint, and keeps both', async () => {
    const erin = await people.create({ actor: { objectType: 'Agent', mbox: 'mailto:erin@acme.example' }, attributes: {}, identities: [] });
    const frank = await people.create({ actor: { objectType: 'Agent', mbox: 'mailto:frank@acme.example' }, attributes: {}, identities: [] });
    const outcomes = await resolver.learn('bamboohr', [{ identities: [{ mbox: 'mailto:erin@acme.example' }, { mbox: 'mailto:frank@acme.example' }, { source: 'bamboohr', id: '900' }] }]);
    expect(outcomes).toEqual([{ kind: 'conflict', personIds: [erin.id, frank.id].sort() }]);
    expect((await people.get(erin.id))?.identities).toEqual([{ mbox: 'mailto:erin@acme.example' }]);
    expect(await people.ownersOf(['source:bamboohr|900'])).toEqual(new Map());
  });
});
