import {
  isIri,
  isIsoDuration,
  isIsoTimestamp,
  isLanguageMap,
  isLanguageTag,
  isMailtoIri,
  isMediaType,
  isSha2Hex,
  isStatementVersion,
  isUri,
  isUuid,
  parseIsoTimestamp,
  toUtcTimestamp,
} from './index';

describe('isIri', () => {
  it.each([
    'http://adlnet.gov/expapi/verbs/attended',
    'https://example.com/a?b=c&d=e#f',
    'urn:isbn:0451450523',
    'mailto:ada@example.com',
    'tag:example.com,2024:activity/1',
    'http://example.com/فعل/خواندن',
    'http://example.com/%E2%9C%93',
    'http://[::1]:8080/x',
  ])('accepts %s', (iri) => expect(isIri(iri)).toBe(true));

  it.each([
    '',
    'not.a.valid.iri.com/verb',
    'example.com/extension/wrong',
    'http://example.com/a b',
    'ab=c://should.fail.com',
    '1http://example.com',
    'http://example.com/%ZZ',
    'http://example.com/a#b#c',
    'C:\\meetings\\minutes',
    'http:',
    42,
  ])('rejects %p', (value) => expect(isIri(value)).toBe(false));

  it('treats a URI as an ASCII-only IRI', () => {
    expect(isUri('https://openid.example.com/ada')).toBe(true);
    expect(isUri('http://example.com/فعل')).toBe(false);
  });
});

describe('isMailtoIri', () => {
  it.each(['mailto:ada@example.com', 'mailto:ada.lovelace+xapi@mail.example.co.uk', 'mailto:a@localhost'])('accepts %s', (v) =>
    expect(isMailtoIri(v)).toBe(true),
  );
  it.each(['ada@example.com', 'mailto:should.fail.com', 'MAILTO:ada@example.com', 'mailto:a@b@c', 'mailto:ada@example.com?subject=hi', 'mailto:'])(
    'rejects %s',
    (v) => expect(isMailtoIri(v)).toBe(false),
  );
});

describe('isLanguageTag (RFC 5646)', () => {
  it.each(['en', 'de', 'en-US', 'zh-Hant', 'zh-Hans-CN', 'sr-Latn-RS', 'es-419', 'tlh', 'cmn', 'ase', 'fr-CA', 'de-CH-1901', 'en-a-bbb-x-a-ccc', 'x-whatever', 'i-klingon', 'EN-us'])(
    'accepts %s',
    (tag) => expect(isLanguageTag(tag)).toBe(true),
  );
  it.each(['', 'a12345678', 'something', 'en_US', 'en-', '-en', 'zh-z-aaa-z-bbb-c-ccc', 'de-1901-1901', 'en-US-x', '12'])('rejects %p', (tag) =>
    expect(isLanguageTag(tag)).toBe(false),
  );

  it('checks every key and value of a language map', () => {
    expect(isLanguageMap({ 'en-US': 'attended', 'ja-JP': '出席した' })).toBe(true);
    expect(isLanguageMap({})).toBe(true);
    expect(isLanguageMap({ 'en-US': null })).toBe(false);
    expect(isLanguageMap({ english: 'x', a12345678: 'y' })).toBe(false);
    expect(isLanguageMap(['en'])).toBe(false);
  });
});

describe('isUuid', () => {
  it.each(['6690e6c9-3ef0-4ed3-8b37-7f3964730bee', 'AA97B177-9383-4934-8543-0F91A7A02836', '00000000-0000-0000-0000-000000000000'])(
    'accepts %s',
    (v) => expect(isUuid(v)).toBe(true),
  );
  it.each(['AA97B177-9383-4934-8543-0F91A7A028368', 'MA97B177-9383-4934-8543-0F91A7A02836', '6690e6c93ef04ed38b377f3964730bee', '{6690e6c9-3ef0-4ed3-8b37-7f3964730bee}', ''])(
    'rejects %s',
    (v) => expect(isUuid(v)).toBe(false),
  );
});

describe('isIsoTimestamp', () => {
  it.each([
    '2013-05-18T05:32:34.804Z',
    '2008-09-15T15:53:00.601+00:00',
    '2023-05-04T12:00:00-05:00',
    '2023-05-04T12:00:00+05:30',
    '20080915T155300.601Z',
    '20080915T155300+0200',
    '2024-02-29T23:59:60Z',
    '2024-05-04T17:00Z',
    '2024-05-04t17:00:00,5z',
  ])('accepts %s', (v) => expect(isIsoTimestamp(v, { requireOffset: true })).toBe(true));

  it.each([
    'should fail',
    '01/011/2015',
    '2015-01-01',
    '2015-13-01T00:00:00Z',
    '2015-02-29T00:00:00Z',
    '2015-01-01T24:00:00Z',
    '2015-01-01 12:00:00Z',
    '2008-09-15T15:53:00.601-00',
    '2008-09-15T15:53:00.601-0000',
    '2008-09-15T15:53:00.601-00:00',
    '2008-09-15T15:53:00+24:00',
    '2008-09-15T155300Z',
  ])('rejects %s', (v) => expect(isIsoTimestamp(v)).toBe(false));

  it('requires an offset only when asked (xAPI 2.0)', () => {
    expect(isIsoTimestamp('2015-11-18T12:17:00')).toBe(true);
    expect(isIsoTimestamp('2015-11-18T12:17:00', { requireOffset: true })).toBe(false);
  });

  it('exposes the parsed parts, the offset in minutes east of UTC', () => {
    expect(parseIsoTimestamp('2023-05-04T12:00:00.5-05:30')).toMatchObject({ year: 2023, hour: 12, fraction: '5', offsetMinutes: -330 });
    expect(parseIsoTimestamp('2023-05-04T12:00:00')?.offsetMinutes).toBeUndefined();
  });

  it('converts to UTC with millisecond precision', () => {
    expect(toUtcTimestamp('2023-05-04T12:00:00-05:00')).toBe('2023-05-04T17:00:00.000Z');
    expect(toUtcTimestamp('20080915T155300.6019+0200')).toBe('2008-09-15T13:53:00.601Z');
    expect(toUtcTimestamp('2023-12-31T23:30:00-01:00')).toBe('2024-01-01T00:30:00.000Z');
    expect(toUtcTimestamp('2023-05-04T12:00:00')).toBe('2023-05-04T12:00:00.000Z');
    expect(toUtcTimestamp('2008-09-15T15:53:00-00:00')).toBeUndefined();
  });
});

describe('isIsoDuration (ISO 8601:2004 §4.4.3.2)', () => {
  it.each(['PT4H35M59.14S', 'PT16559.14S', 'P3Y1M29DT4H35M59.14S', 'P3Y', 'P4W', 'PT1H0M0.1S', 'P1DT12H36M0.12567S', 'PT0,5H', 'P0D'])(
    'accepts %s',
    (v) => expect(isIsoDuration(v)).toBe(true),
  );
  it.each(['', 'P', 'PT', 'P1DT', 'P4W1D', 'PA1H0M0S', 'P16559.14S', 'P1.5DT1H', 'P0003-01-29T04:35:59', '-P1D', 'PT1H30', 'pt1h', 'P1M2Y'])(
    'rejects %p',
    (v) => expect(isIsoDuration(v)).toBe(false),
  );
});

describe('attachment and version formats', () => {
  it('isSha2Hex accepts SHA-224/256/384/512 hex', () => {
    expect(isSha2Hex('495395e777cd98da653df9615d09c0fd6bb2f8d4788394cd53c56a3bfdcd848a')).toBe(true);
    expect(isSha2Hex('a'.repeat(128))).toBe(true);
    expect(isSha2Hex('a'.repeat(40))).toBe(false);
    expect(isSha2Hex('')).toBe(false);
  });

  it('isMediaType wants type/subtype', () => {
    expect(isMediaType('text/plain; charset=ascii')).toBe(true);
    expect(isMediaType('application/vnd.openxmlformats-officedocument.wordprocessingml.document')).toBe(true);
    expect(isMediaType('pdf')).toBe(false);
    expect(isMediaType('')).toBe(false);
  });

  it('isStatementVersion follows the request version', () => {
    expect(isStatementVersion('1.0', '1.0.3')).toBe(true);
    expect(isStatementVersion('1.0.3', '1.0.3')).toBe(true);
    expect(isStatementVersion('2.0.0', '1.0.3')).toBe(false);
    expect(isStatementVersion('2.0.0', '2.0.0')).toBe(true);
    expect(isStatementVersion('1.0.9', '2.0.0')).toBe(true);
    expect(isStatementVersion('1.1.0', '2.0.0')).toBe(false);
    expect(isStatementVersion('2.1.0', '2.0.0')).toBe(false);
  });
});
