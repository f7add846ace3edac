import { type MigratedTestDatabase, migratedDatabase, TEST_ENGINES } from '../../../test/support/test-databases';
import { prepareStatement } from '../../lrs/statements/prepare-statement';
import { StatementStore } from '../../lrs/statements/statement-store';
import { createPinoLogger, HubLogger } from '../../observability/hub-logger';
import type { Statement } from '../../xapi/statement';
import { DirectoryCache } from '../directory-cache';
import { HeldStatementsRepository } from '../held-statements.repository';
import { IdentityResolver } from '../identity-resolver.service';
import { PeopleRepository } from '../people.repository';
import { DirectoryErasureSource } from './directory.erasure-source';
import { ErasureService } from './erasure.service';
import { HeldErasureSource } from './held.erasure-source';
import { InboxErasureSource } from './inbox.erasure-source';
import { LrsDocumentsErasureSource } from './lrs-documents.erasure-source';
import { LrsStatementsErasureSource } from './lrs-statements.erasure-source';
import { OutboxErasureSource } from './outbox.erasure-source';
import { QuarantineErasureSource } from './quarantine.erasure-source';

const AUTHORITY = { objectType: 'Agent' as const, account: { homePage: 'http://hub.example', name: 'writer' } };
const ANA_MBOX = 'mailto:ana.lima@acme.example';
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const about = (n: number, extra: Partial<Statement>): Statement => ({
  id: uuid(n),
  actor: { mbox: 'mailto:bob@acme.example' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/attended' },
  object: { id: 'https://acme.example/sessions/1' },
  ...extra,
});

/** Erasure finds the person wherever a statement or payload names them, and nothing else. */
describe.each(TEST_ENGINES)('erasure (%s)', (engine) => {
  let testDb: MigratedTestDatabase;
  let erasure: ErasureService;

  beforeAll(async () => {
    testDb = await migratedDatabase(engine);
    const database = testDb.database;
    const people = new PeopleRepository(database);
    const resolver = new IdentityResolver(people, new DirectoryCache(people), new HeldStatementsRepository(database), new Map(), new HubLogger(createPinoLogger('silent')));
    erasure = new ErasureService(
      database,
      people,
      resolver,
      [new DirectoryErasureSource(), new InboxErasureSource(), new QuarantineErasureSource(), new HeldErasureSource(), new OutboxErasureSource(), new LrsStatementsErasureSource(), new LrsDocumentsErasureSource()],
      [{ id: 'central', endpoint: 'https://lrs.example.org/xapi/', pseudonymised: false }],
    );
    await people.create({
      actor: { objectType: 'Agent', mbox: ANA_MBOX, name: 'Ana' },
      attributes: {},
      identities: [{ account: { homePage: 'https://acme.slack.com', name: 'U07ANA' } }, { source: 'bamboohr', id: '377' }],
    });

    const stored = new Date('2031-01-01T00:00:00.000Z');
    const statements = [
      about(1, { actor: { mbox: 'mailto:Ana.Lima@ACME.example' } }),
      about(2, { context: { instructor: { account: { homePage: 'https://acme.slack.com', name: 'U07ANA' } } } }),
      about(3, { actor: { objectType: 'Group', member: [{ mbox: 'mailto:carl@acme.example' }, { mbox: ANA_MBOX }] } }),
      about(4, { object: { objectType: 'Agent', mbox: ANA_MBOX } }),
      about(5, {}),
    ];
    await new StatementStore(database).insert(() => statements.map((s) => prepareStatement(s, { stored, authority: AUTHORITY, version: '1.0.3' })));

    const inbox = (eventId: string, instanceId: string, body: string) => ({
      event_id: eventId,
      instance_id: instanceId,
      event_key: eventId,
      received_at: stored.toISOString(),
      status: 'normalized',
      raw_body: body,
      content_type: 'application/json',
      detail: null,
    });
    await database.db
      .insertInto('inbox')
      .values([
        inbox('e1', 'bamboohr', '{"employee":{"id":377,"name":"A"}}'),
        inbox('e2', 'canvas', '{"user":{"id":377}}'),
        inbox('e3', 'slack', '{"event":{"user":"U07ANA","text":"hi"}}'),
        inbox('e4', 'slack', '{"event":{"user":"U07BOB","text":"mail ana.lima@acme.example"}}'),
        inbox('e5', 'slack', '{"event":{"user":"U07BOB","text":"50% off_"}}'),
      ])
      .execute();
    // The outbox keeps each statement as sent: canonical actor, the source identity in context.
    const outbox = (statementId: string, status: 'pending' | 'delivered' | 'dead', statement: object) => ({
      destination_id: 'central',
      statement_id: statementId,
      event_id: 'e3',
      instance_id: 'slack',
      statement: JSON.stringify(statement),
      status,
      attempts: 0,
      next_attempt_at: stored.toISOString(),
      received_at: stored.toISOString(),
      created_at: stored.toISOString(),
    });
    const sourceActor = { 'https://xapi-hub.dev/extensions/source-actor': { account: { homePage: 'https://acme.slack.com', name: 'U07ANA' } } };
    await database.db
      .insertInto('outbox')
      .values([
        outbox('o1', 'pending', about(11, { actor: { mbox: ANA_MBOX }, context: { extensions: sourceActor } })),
        outbox('o2', 'delivered', about(12, { actor: { mbox: ANA_MBOX } })),
        outbox('o3', 'dead', about(13, { context: { extensions: sourceActor } })),
        outbox('o4', 'dead', about(14, {})),
      ])
      .execute();
    const doc = (agentKey: string, kind: 'state' | 'agent_profile' | 'activity_profile') => ({
      kind,
      activity_id: kind === 'agent_profile' ? '' : 'https://acme.example/a',
      agent_key: agentKey,
      registration: '',
      document_id: `${kind}-${agentKey}`,
      content: Buffer.from('{}'),
      content_type: 'application/json',
      etag: 'x',
      updated: stored.toISOString(),
    });
    await database.db
      .insertInto('documents')
      .values([doc(`mbox:${ANA_MBOX}`, 'state'), doc('account:https://acme.slack.com|U07ANA', 'agent_profile'), doc('mbox:mailto:bob@acme.example', 'state'), doc('', 'activity_profile')])
      .execute();
  });
  afterAll(async () => {
    await testDb?.close();
  });

  it('counts in a dry run exactly what the real run removes, wherever the person stands', async () => {
    const dry = await erasure.erase({ source: 'bamboohr', id: '377' }, { dryRun: true, requestedBy: 'test' });
    expect(dry).toEqual({ counts: { people: 1, identities: 3, inboxEvents: 3, quarantined: 0, heldStatements: 0, outboxRows: 3, statements: 4, documents: 2 } });
    const real = await erasure.erase({ mbox: 'mailto:ANA.LIMA@acme.example' }, { dryRun: false, requestedBy: 'test' });
    expect(real).toEqual({ counts: dry.counts, externalDestinations: [{ id: 'central', endpoint: 'https://lrs.example.org/xapi/', pseudonymised: false }] });

    const db = testDb.database.db;
    expect((await db.selectFrom('statements').select('id').execute()).map((r) => r.id)).toEqual([uuid(5)]);
    expect((await db.selectFrom('outbox').select('statement_id').execute()).map((r) => r.statement_id)).toEqual(['o4']);
    expect((await db.selectFrom('inbox').select('event_id').orderBy('event_id').execute()).map((r) => r.event_id)).toEqual(['e2', 'e5']);
    expect((await db.selectFrom('documents').select('agent_key').orderBy('agent_key').execute()).map((r) => r.agent_key)).toEqual(['', 'mbox:mailto:bob@acme.example']);
    expect(await erasure.audit(1)).toEqual([{ erasedAt: expect.any(String), requestedBy: 'test', counts: dry.counts, externalDestinations: ['central'] }]);
  });
});
