import { comparableForm, sameStatement, truncateDuration } from './statement-equivalence';

const sent = {
  id: '0a4c7f8e-1b2c-4d3e-8f90-a1b2c3d4e5f6',
  actor: { mbox: 'mailto:ana@Example.ORG', name: 'Ana' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/attended', display: { 'en-US': 'attended' } },
  object: { id: 'http://example.org/a', definition: { name: { 'en-US': 'A' } } },
  context: { contextActivities: { parent: { id: 'http://example.org/p' } } },
  timestamp: '2024-05-04T12:00:00-05:00',
};
const stored = {
  ...sent,
  actor: { objectType: 'Agent', name: 'Ana', mbox: 'mailto:ana@example.org' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/attended', display: { 'fr-FR': 'a assisté' } },
  object: { objectType: 'Activity', id: 'http://example.org/a' },
  context: { contextActivities: { parent: [{ id: 'http://example.org/p', objectType: 'Activity' }] } },
  timestamp: '2024-05-04T17:00:00.000Z',
  stored: '2024-05-04T17:00:01.000Z',
  authority: { objectType: 'Agent', account: { homePage: 'http://hub', name: 'k' } },
  version: '1.0.0',
};

describe('statement comparison (xAPI 1.0.3 Data §2.3.1)', () => {
  it('ignores what the LRS sets, definitions, verb displays and serialisation differences', () => {
    expect(sameStatement(stored, sent, true)).toBe(true);
  });

  it('ignores the order of group members', () => {
    const group = (members: string[]) => ({ ...sent, actor: { objectType: 'Group', member: members.map((m) => ({ mbox: `mailto:${m}@x.org` })) } });
    expect(comparableForm(group(['a', 'b']))).toBe(comparableForm(group(['b', 'a'])));
  });

  it('counts another verb, actor or result as other content', () => {
    expect(sameStatement(stored, { ...sent, verb: { id: 'http://example.org/other' } }, true)).toBe(false);
    expect(sameStatement(stored, { ...sent, actor: { mbox: 'mailto:bob@example.org' } }, true)).toBe(false);
    expect(sameStatement(stored, { ...sent, result: { success: true } }, true)).toBe(false);
  });

  it('compares timestamps as instants, and only when the new statement sent one', () => {
    expect(sameStatement(stored, { ...sent, timestamp: '2024-05-04T18:00:00Z' }, true)).toBe(false);
    expect(sameStatement(stored, { ...sent, timestamp: '2030-01-01T00:00:00.000Z' }, false)).toBe(true);
  });

  it('compares durations to 0.01 s', () => {
    expect(truncateDuration('P1DT12H36M0.1237S')).toBe('P1DT12H36M0.12S');
    expect(truncateDuration('PT1.009S')).toBe('PT1S');
    expect(truncateDuration('P3Y')).toBe('P3Y');
  });
});
