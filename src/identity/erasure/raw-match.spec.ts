import { rawMatchersFor, rawTextMatches } from './raw-match';

describe('rawTextMatches', () => {
  const matchers = rawMatchersFor([
    { mbox: 'mailto:Ana.Lima@acme.example' },
    { account: { homePage: 'https://acme.slack.com', name: 'U07ANA' } },
    { source: 'bamboohr', id: '377' },
  ]);

  it('finds an e-mail anywhere, in any case', () => {
    expect(rawTextMatches(matchers, '{"text":"ping ANA.LIMA@acme.example please"}', 'slack')).toBe(true);
  });

  it('finds an account name or a source id only as a whole value', () => {
    expect(rawTextMatches(matchers, '{"event":{"user":"U07ANA"}}', 'slack')).toBe(true);
    expect(rawTextMatches(matchers, '{"event":{"user":"U07ANAX"}}', 'slack')).toBe(false);
    expect(rawTextMatches(matchers, '{"employee":{"id":377}}', 'bamboohr')).toBe(true);
    expect(rawTextMatches(matchers, '{"amount":3770,"ref":"A377"}', 'bamboohr')).toBe(false);
  });

  it('looks for a source id only in its own instance’s events, and as a token in CSV', () => {
    expect(rawTextMatches(matchers, '{"employee":{"id":377}}', 'canvas')).toBe(false);
    expect(rawTextMatches(matchers, 'id,name\n377,Ana\n', 'bamboohr')).toBe(true);
    expect(rawTextMatches(matchers, 'id,name\n3771,Bo\n', 'bamboohr')).toBe(false);
  });
});
