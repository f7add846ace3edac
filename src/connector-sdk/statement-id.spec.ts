import { validateStatement } from '../xapi/validation';
import { statementIdFor, voidingStatement } from './statement-id';

describe('statementIdFor', () => {
  it('gives the same UUID v5 for the same instance, event key and index', () => {
    expect(statementIdFor('demo', 'evt-1', 0)).toBe(statementIdFor('demo', 'evt-1', 0));
    expect(statementIdFor('demo', 'evt-1', 0)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('differs when any part differs', () => {
    const ids = new Set([
      statementIdFor('demo', 'evt-1', 0),
      statementIdFor('demo', 'evt-1', 1),
      statementIdFor('demo', 'evt-2', 0),
      statementIdFor('other', 'evt-1', 0),
      // The separator keeps "a\nb" + "c" apart from "a" + "b\nc".
      statementIdFor('de', 'mo\nevt-1', 0),
    ]);
    expect(ids.size).toBe(5);
  });
});

describe('voidingStatement', () => {
  const actor = { mbox: 'mailto:hub@example.org' };

  it('voids the statement minted from the target event key and sub-key', () => {
    const voiding = voidingStatement('cal', { eventKey: 'evt-1', subKey: 'attended:ana' }, actor, '2026-11-27T12:00:00Z');
    expect(voiding).toEqual({
      subKey: 'void:evt-1:attended:ana',
      statement: {
        actor,
        verb: { id: 'http://adlnet.gov/expapi/verbs/voided', display: { 'en-US': 'voided' } },
        object: { objectType: 'StatementRef', id: statementIdFor('cal', 'evt-1', 'attended:ana') },
        timestamp: '2026-11-27T12:00:00Z',
      },
    });
  });

  it('is a valid xAPI voiding statement', () => {
    const { statement } = voidingStatement('cal', { eventKey: 'e', subKey: 's' }, actor, '2026-11-27T12:00:00Z');
    expect(validateStatement(statement, '1.0.3')).toEqual([]);
  });
});
