import { actorLookupKeys, actorOfIdentity, identityKey } from './identity-key';

describe('identityKey', () => {
  it('compares e-mail case-insensitively, with or without mailto:', () => {
    expect(identityKey({ mbox: 'mailto:Ana.Lima@ACME.example' })).toBe('mbox:mailto:ana.lima@acme.example');
    expect(identityKey({ mbox: ' ana.lima@acme.example ' })).toBe(identityKey({ mbox: 'MAILTO:ana.lima@acme.example' }));
  });

  it('keeps account names exactly but normalises the homePage host and trailing slash', () => {
    expect(identityKey({ account: { homePage: 'HTTPS://Acme.Slack.com/', name: 'U07ANA' } })).toBe('account:https://acme.slack.com|U07ANA');
    expect(identityKey({ account: { homePage: 'https://acme.slack.com', name: 'u07ana' } })).not.toBe(
      identityKey({ account: { homePage: 'https://acme.slack.com', name: 'U07ANA' } }),
    );
  });

  it('gives hashes in lower case and source ids under their instance', () => {
    expect(identityKey({ mbox_sha1sum: 'ABCDEF' })).toBe('mbox_sha1sum:abcdef');
    expect(identityKey({ source: 'bamboohr', id: '377' })).toBe('source:bamboohr|377');
    expect(identityKey({ source: 'canvas', id: '377' })).not.toBe(identityKey({ source: 'bamboohr', id: '377' }));
  });
});

describe('actorLookupKeys', () => {
  it('looks an account up by itself and as the sending instance’s user id', () => {
    expect(actorLookupKeys({ account: { homePage: 'https://hr.example', name: '377' } }, 'bamboohr')).toEqual([
      'account:https://hr.example|377',
      'source:bamboohr|377',
    ]);
  });

  it('never uses the display name', () => {
    expect(actorLookupKeys({ name: 'Ana Lima', objectType: 'Group', member: [] }, 'x')).toEqual([]);
  });
});

describe('actorOfIdentity', () => {
  it('makes an Agent of an xAPI identifier, not of a source id', () => {
    expect(actorOfIdentity({ mbox: 'Ana@X.example' }, 'Ana')).toEqual({ objectType: 'Agent', name: 'Ana', mbox: 'mailto:ana@x.example' });
    expect(actorOfIdentity({ source: 'bamboohr', id: '377' })).toBeUndefined();
  });
});
