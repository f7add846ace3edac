import { randomUUID } from 'node:crypto';
import type { Actor, Statement } from '../../xapi/statement';
import { type MigratedTestDatabase, migratedDatabase, TEST_ENGINES } from '../../../test/support/test-databases';
import { AttachmentStore } from '../attachments/attachment-store';
import { VOIDED_VERB } from './prepare-statement';
import { StatementStore } from './statement-store';
import { StatementsService } from './statements.service';

const AUTHORITY: Actor = { objectType: 'Agent', account: { homePage: 'http://hub.example', name: 'delivery' } };
const statement = (extra: Partial<Statement> = {}): Statement => ({
  id: randomUUID(),
  actor: { objectType: 'Agent', mbox: 'mailto:ana@example.org' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/attended' },
  object: { id: 'http://example.org/activities/meeting' },
  ...extra,
});

/** Delivery's batch write: one outcome per statement, the good ones stored whatever the others are. */
describe.each(TEST_ENGINES)('StatementsService.storeEach (%s)', (engine) => {
  let testDb: MigratedTestDatabase;
  let service: StatementsService;

  beforeAll(async () => {
    testDb = await migratedDatabase(engine);
    service = new StatementsService(new StatementStore(testDb.database), new AttachmentStore(testDb.database));
  });
  afterAll(() => testDb?.close());

  it('stores the good ones and says which were held identical, conflicting or invalid', async () => {
    const held = statement();
    const taken = statement();
    await service.storeEach([held, taken], AUTHORITY, '1.0.3');

    const fresh = statement();
    const conflicting = { ...taken, verb: { id: 'http://adlnet.gov/expapi/verbs/failed' } };
    const invalid = statement({ verb: { id: 'not an IRI' } });
    const voidsAVoid = statement({ verb: { id: VOIDED_VERB }, object: { objectType: 'StatementRef', id: randomUUID() } });
    const voidingTarget = statement({ verb: { id: VOIDED_VERB }, object: { objectType: 'StatementRef', id: voidsAVoid.id! } });
    await service.storeEach([voidsAVoid], AUTHORITY, '1.0.3');

    const outcomes = await service.storeEach([fresh, held, conflicting, invalid, voidingTarget], AUTHORITY, '1.0.3');
    expect(outcomes.map((o) => o.outcome)).toEqual(['stored', 'identical', 'conflict', 'invalid', 'invalid']);
    expect(outcomes[2]).toMatchObject({ message: expect.stringMatching(/already exists with other content/) });
    expect(outcomes[3]).toMatchObject({ message: expect.stringMatching(/verb\.id/) });

    expect((await service.findById(fresh.id!, false)).statement.id).toBe(fresh.id);
    expect((await service.findById(taken.id!, false)).statement.verb.id).toBe('http://adlnet.gov/expapi/verbs/attended');
  });
});
