import { validateStatement, type XapiVersion } from './index';
import {
  ADA,
  deepFreeze,
  minimalStatement,
  richStatement,
  richStatement2,
  subStatementObject,
  type JsonObject,
} from './statement.fixtures';

const BOTH: XapiVersion[] = ['1.0.3', '2.0.0'];

function withProps(props: JsonObject): JsonObject {
  return { ...minimalStatement(), ...props };
}

describe('validateStatement accepts valid Statements', () => {
  it.each(BOTH)('a Statement using every property (%s)', (version) => {
    expect(validateStatement(richStatement(), version)).toEqual([]);
  });

  it('a 2.0 Statement with contextAgents and contextGroups', () => {
    expect(validateStatement(richStatement2(), '2.0.0')).toEqual([]);
  });

  it.each(BOTH)('the minimal Statement: actor, verb and an object without objectType (%s)', (version) => {
    expect(validateStatement(minimalStatement(), version)).toEqual([]);
  });

  const objects: Array<[string, JsonObject]> = [
    ['an Activity with objectType', { objectType: 'Activity', id: 'http://example.com/activities/a' }],
    ['an Agent', { objectType: 'Agent', account: { homePage: 'https://lms.example.com', name: '1625378' } }],
    ['an identified Group', { objectType: 'Group', openid: 'https://openid.example.com/team-a' }],
    ['an anonymous Group', { objectType: 'Group', member: [{ mbox: 'mailto:a@example.com' }, { objectType: 'Agent', mbox: 'mailto:b@example.com' }] }],
    ['a StatementRef', { objectType: 'StatementRef', id: '8f87ccde-bb56-4c2e-ab83-44982ef22df0' }],
    ['a SubStatement', subStatementObject()],
  ];
  it.each(objects)('with %s as the object', (_name, object) => {
    for (const version of BOTH) expect(validateStatement(withProps({ object }), version)).toEqual([]);
  });

  it('a voiding Statement whose target need not exist (xAPI 1.0.3 §2.3.2.s2.b5)', () => {
    const voiding = withProps({
      verb: { id: 'http://adlnet.gov/expapi/verbs/voided', display: { 'en-US': 'voided' } },
      object: { objectType: 'StatementRef', id: 'e05aa883-acaf-40ad-bf54-02c8ce485fb0' },
    });
    expect(validateStatement(voiding, '1.0.3')).toEqual([]);
  });

  it('does not change the Statement it validates', () => {
    const statement = deepFreeze(richStatement2());
    const before = JSON.stringify(statement);
    expect(validateStatement(statement, '2.0.0')).toEqual([]);
    expect(JSON.stringify(statement)).toBe(before);
  });
});

describe('validateStatement accepts what the conformance suite calls odd but valid', () => {
  const cases: Array<[string, XapiVersion, JsonObject]> = [
    ['a single Activity (not an array) as a contextActivities value', '1.0.3', withProps({ context: { contextActivities: { parent: { id: 'http://example.com/p' } } } })],
    ['an empty contextActivities array', '1.0.3', withProps({ context: { contextActivities: { other: [] } } })],
    ['null, "" and {} as extension values', '1.0.3', withProps({ result: { extensions: { 'http://example.com/a': null, 'http://example.com/b': '', 'http://example.com/c': {} } } })],
    ['an empty extensions map and an empty definition', '1.0.3', withProps({ object: { id: 'http://example.com/a', definition: {} }, context: { extensions: {} } })],
    ['a future timestamp', '2.0.0', withProps({ timestamp: '2999-01-01T00:00:00Z' })],
    ['a timestamp without offset under 1.0.3 (time zone is only a SHOULD)', '1.0.3', withProps({ timestamp: '2015-11-18T12:17:00' })],
    ['a +00:00 offset (RFC 3339)', '2.0.0', withProps({ timestamp: '2008-09-15T15:53:00.601+00:00' })],
    ['ISO 8601 basic format', '2.0.0', withProps({ timestamp: '20080915T155300.601+0200' })],
    ['more than millisecond precision', '2.0.0', withProps({ timestamp: '2024-05-04T17:00:00.123456789Z' })],
    ['version "1.0"', '1.0.3', withProps({ version: '1.0' })],
    ['version "1.0.9"', '1.0.3', withProps({ version: '1.0.9' })],
    ['a 1.0.x version under 2.0 (the suite posts "1.0.9" with a 2.0.0 header)', '2.0.0', withProps({ version: '1.0.9' })],
    ['version "2.0.0" under 2.0', '2.0.0', withProps({ version: '2.0.0' })],
    ['three-letter and script/region language tags', '1.0.3', withProps({ verb: { id: 'http://example.com/v', display: { tlh: 'x', 'sr-Latn-RS': 'x', 'zh-Hans-CN': 'x', cmn: 'x', 'es-419': 'x', 'en-GB-oed': 'x' } } })],
    ['durations with fractions, weeks and only years', '1.0.3', withProps({ result: { duration: 'P3Y1M29DT4H35M59.14S' } })],
    ['a duration finer than 0.01 s (IEEE 9274.1.1 §4.2.7)', '2.0.0', withProps({ result: { duration: 'P1DT12H36M0.12567S' } })],
    ['raw equal to min and max bounds, scaled at -1', '1.0.3', withProps({ result: { score: { scaled: -1, raw: 0, min: 0, max: 0.5 } } })],
    ['an Activity id with dot segments (IRIs are compared, not normalised)', '2.0.0', withProps({ object: { id: 'http://example.com/path/../abc' } })],
    ['non-ASCII IRIs', '1.0.3', withProps({ verb: { id: 'http://example.com/فعل/خواندن' } })],
    ['an identified Group with members as actor', '1.0.3', withProps({ actor: { objectType: 'Group', mbox: 'mailto:team@example.com', member: [ADA] } })],
    ['an authority that is a single Agent', '1.0.3', withProps({ authority: { mbox: 'mailto:lrs-admin@example.com' } })],
    ['a contextGroup with an identified Group and no relevantTypes', '2.0.0', withProps({ context: { contextGroups: [{ objectType: 'contextGroup', group: { objectType: 'Group', mbox: 'mailto:t@example.com' } }] } })],
    ['revision and platform with an Activity object that has no objectType', '1.0.3', withProps({ context: { revision: 'r1', platform: 'p' } })],
    ['a stored value the LRS will overwrite', '1.0.3', withProps({ stored: '2011-07-15T04:00:00.000Z' })],
    ['uppercase UUID hex digits', '1.0.3', withProps({ id: 'AA97B177-9383-4934-8543-0F91A7A02836' })],
  ];
  it.each(cases)('%s', (_name, version, statement) => {
    expect(validateStatement(statement, version)).toEqual([]);
  });
});

describe('validateStatement input that is not a Statement', () => {
  it.each([null, 'statement', 42, [minimalStatement()]])('reports %p at the root', (value) => {
    const issues = validateStatement(value, '1.0.3');
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('');
    expect(issues[0].reason).toMatch(/must be a Statement/);
  });

  it('throws on an unsupported version, which is a caller bug rather than bad data', () => {
    expect(() => validateStatement(minimalStatement(), '1.0.2' as XapiVersion)).toThrow(RangeError);
  });
});
