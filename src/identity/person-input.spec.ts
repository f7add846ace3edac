import { checkIdentity, checkPersonInput, checkPersonPatch } from './person-input';

describe('checkPersonInput', () => {
  it('accepts the issue’s example', () => {
    const result = checkPersonInput({
      actor: { mbox: 'mailto:ana@acme.example', name: 'Ana Lima' },
      attributes: { team: 'Sales' },
      identities: [
        { mbox: 'mailto:ana.lima@old.example' },
        { account: { homePage: 'https://acme.slack.com', name: 'U07ANA' } },
        { source: 'bamboohr', id: 377 },
      ],
    });
    expect(result).toEqual({
      ok: true,
      value: {
        actor: { objectType: 'Agent', name: 'Ana Lima', mbox: 'mailto:ana@acme.example' },
        attributes: { team: 'Sales' },
        identities: [
          { mbox: 'mailto:ana.lima@old.example' },
          { account: { homePage: 'https://acme.slack.com', name: 'U07ANA' } },
          { source: 'bamboohr', id: '377' },
        ],
      },
    });
  });

  it('names every bad field', () => {
    const result = checkPersonInput({ actor: { openid: 'https://id.example/ana' }, attributes: { team: 7 }, identities: [{ mbox: 'ana' }, { account: { name: 'x' } }] });
    expect(result).toEqual({
      ok: false,
      problems: [
        'actor: the canonical identifier must be an mbox or an account',
        'attributes.team: a string of at most 500 characters',
        'identities[0].mbox: a mailto: address, e.g. "mailto:ana@example.org"',
        'identities[1].account.homePage: an absolute URL, e.g. "https://acme.slack.com"',
      ],
    });
    expect(checkPersonInput({})).toMatchObject({ ok: false, problems: [expect.stringMatching(/^actor: required/)] });
  });
});

describe('checkPersonPatch', () => {
  it('lets null remove an attribute and refuses unknown fields', () => {
    expect(checkPersonPatch({ attributes: { team: null, role: 'Lead' } })).toEqual({ ok: true, value: { attributes: { team: null, role: 'Lead' } } });
    expect(checkPersonPatch({ nickname: 'A' })).toEqual({ ok: false, problems: ['nickname: not a field of a person'] });
  });
});

describe('checkIdentity', () => {
  it('refuses an identity with two identifiers', () => {
    const problems: string[] = [];
    expect(checkIdentity({ mbox: 'mailto:a@b.example', openid: 'https://x' }, 'identity', problems)).toBeUndefined();
    expect(problems).toEqual(['identity: exactly one of mbox, mbox_sha1sum, openid, account, or source with id (found mbox, openid)']);
  });
});
