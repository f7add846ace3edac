import { parseBasicAuth } from './basic-auth';

const basic = (text: string) => `Basic ${Buffer.from(text).toString('base64')}`;

describe('parseBasicAuth', () => {
  it('reads key and secret; the secret may hold colons', () => {
    expect(parseBasicAuth(basic('key:sec:ret'))).toEqual({ key: 'key', secret: 'sec:ret' });
    expect(parseBasicAuth(`basic ${Buffer.from('k:s').toString('base64')}`)).toEqual({ key: 'k', secret: 's' });
  });

  it.each([
    ['no header', undefined],
    ['another scheme', 'Bearer abc'],
    ['a colon instead of a space (the suite\'s malformed header)', `Basic:${Buffer.from('k:s').toString('base64')}`],
    ['no colon in the pair', basic('keyonly')],
    ['an empty key', basic(':secret')],
    ['not base64', 'Basic ***'],
  ])('refuses %s', (_case, header) => {
    expect(parseBasicAuth(header)).toBeUndefined();
  });
});
