import { negotiateXapiVersion } from '../../xapi/xapi-version';
import { ResponseVersions } from './xapi-protocol.version';

describe('negotiateXapiVersion (xAPI 1.0.3 Communication §3.3, 2.0 §4.1.3.3)', () => {
  it.each([
    ['1.0.3', '1.0.3'],
    ['1.0', '1.0.3'],
    ['1.0.0', '1.0.3'],
    ['1.0.9', '1.0.3'],
    [' 1.0.1 ', '1.0.3'],
    ['2.0.0', '2.0.0'],
    ['2.0', '2.0.0'],
    ['2.0.7', '2.0.0'],
  ])('serves %j by the %s rules', (header, version) => {
    expect(negotiateXapiVersion(header)).toBe(version);
  });

  it.each([[undefined], [''], ['0.9'], ['0.95'], ['1.1'], ['1.1.0'], ['2.1'], ['1'], ['BAD'], ['1.0.3.1']])('refuses %j', (header) => {
    expect(negotiateXapiVersion(header)).toBeNull();
  });
});

describe('ResponseVersions: the X-Experience-API-Version of a response', () => {
  it('echoes the version the request asked for', () => {
    const versions = new ResponseVersions();
    expect(versions.forResponse('1.0.1', 'k')).toBe('1.0.3');
    expect(versions.forResponse('2.0', undefined)).toBe('2.0.0');
  });

  it('answers a request without a usable header in the version its credential last spoke, else the newest', () => {
    const versions = new ResponseVersions();
    expect(versions.forResponse(undefined, 'k')).toBe('2.0.0');
    versions.remember('k', '1.0.3');
    expect(versions.forResponse(undefined, 'k')).toBe('1.0.3');
    expect(versions.forResponse('0.9', 'k')).toBe('1.0.3');
    expect(versions.forResponse(undefined, 'other')).toBe('2.0.0');
    versions.remember('k', '2.0.0');
    expect(versions.forResponse(undefined, 'k')).toBe('2.0.0');
  });

  it('forgets the oldest credential beyond its bound', () => {
    const versions = new ResponseVersions(2);
    versions.remember('a', '1.0.3');
    versions.remember('b', '1.0.3');
    versions.remember('c', '1.0.3');
    expect(versions.forResponse(undefined, 'a')).toBe('2.0.0');
    expect(versions.forResponse(undefined, 'c')).toBe('1.0.3');
  });
});
