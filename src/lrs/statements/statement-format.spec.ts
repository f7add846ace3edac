import { acceptedLanguages, bestLanguage } from './accept-language';
import { formatStatement } from './statement-format';

const names = { 'en-US': 'meeting', 'en-GB': 'meeting (GB)', fr: 'réunion' };
const statement = {
  id: 'c3d4e5f6-0a4c-4f8e-8b2c-4d3e8f90a1b2',
  actor: { objectType: 'Agent', name: 'Ana', mbox: 'mailto:ana@example.org' },
  verb: { id: 'http://adlnet.gov/expapi/verbs/attended', display: names },
  object: {
    objectType: 'Activity',
    id: 'http://example.org/a',
    definition: { name: names, description: names, type: 'http://example.org/type', choices: [{ id: 'c1', description: names }] },
  },
  context: {
    instructor: { objectType: 'Group', name: 'Team', mbox: 'mailto:team@example.org', member: [{ mbox: 'mailto:b@example.org' }] },
    contextActivities: { category: [{ id: 'http://example.org/c', definition: { name: names } }] },
  },
  authority: { objectType: 'Group', member: [{ name: 'x', account: { homePage: 'http://h', name: 'k' } }, { mbox: 'mailto:c@example.org' }] },
};

describe('statement formats (xAPI 1.0.3 Communication §2.1.3 "format")', () => {
  it('exact returns the statement as stored', () => {
    expect(formatStatement(statement, 'exact')).toBe(statement);
  });

  it('ids keeps only identifiers', () => {
    const ids = formatStatement(statement, 'ids');
    expect(ids.actor).toEqual({ objectType: 'Agent', mbox: 'mailto:ana@example.org' });
    expect(ids.verb).toEqual({ id: 'http://adlnet.gov/expapi/verbs/attended' });
    expect(ids.object).toEqual({ id: 'http://example.org/a' });
    expect(ids.context.instructor).toEqual({ objectType: 'Group', mbox: 'mailto:team@example.org' });
    expect(ids.context.contextActivities.category).toEqual([{ id: 'http://example.org/c' }]);
    expect(ids.authority).toEqual({ objectType: 'Group', member: [{ account: { homePage: 'http://h', name: 'k' } }, { mbox: 'mailto:c@example.org' }] });
  });

  it('canonical keeps one language per map and agents as they are', () => {
    const canonical = formatStatement(statement, 'canonical', ['en-gb']);
    expect(canonical.verb.display).toEqual({ 'en-GB': 'meeting (GB)' });
    expect(canonical.object.definition.name).toEqual({ 'en-GB': 'meeting (GB)' });
    expect(canonical.object.definition.choices[0].description).toEqual({ 'en-GB': 'meeting (GB)' });
    expect(canonical.object.definition.type).toBe('http://example.org/type');
    expect(canonical.context.contextActivities.category[0].definition.name).toEqual({ 'en-GB': 'meeting (GB)' });
    expect(canonical.actor).toEqual(statement.actor);
  });
});

describe('Accept-Language', () => {
  it('orders ranges by q, then by position', () => {
    expect(acceptedLanguages('fr;q=0.5, en-GB, de;q=0')).toEqual(['en-gb', 'fr']);
    expect(acceptedLanguages(undefined)).toEqual([]);
  });

  it('picks an exact tag, then a narrower one, then the same language, then the first', () => {
    const keys = Object.keys(names);
    expect(bestLanguage(keys, ['en-gb'])).toBe('en-GB');
    expect(bestLanguage(keys, ['fr-ca', 'en'])).toBe('en-US');
    expect(bestLanguage(keys, ['fr-ca'])).toBe('fr');
    expect(bestLanguage(keys, ['ja'])).toBe('en-US');
  });
});
