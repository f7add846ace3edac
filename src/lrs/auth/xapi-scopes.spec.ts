import { decideScope, scopeListProblems } from './xapi-scopes';

describe('decideScope (xAPI 1.0.3 Communication §4.2 scopes)', () => {
  it('lets `all` do anything, even on routes that declare no scope', () => {
    expect(decideScope(['all'], ['statements/write'], 'POST')).toEqual({ allowed: true, mineOnly: false });
    expect(decideScope(['all'], [], 'DELETE')).toEqual({ allowed: true, mineOnly: false });
  });

  it('lets `all/read` read anything and write nothing', () => {
    expect(decideScope(['all/read'], ['state'], 'GET')).toEqual({ allowed: true, mineOnly: false });
    expect(decideScope(['all/read'], ['statements/read'], 'HEAD')).toEqual({ allowed: true, mineOnly: false });
    expect(decideScope(['all/read'], ['state'], 'PUT')).toEqual({ allowed: false });
  });

  it('grants a route to a credential holding one of the scopes it accepts', () => {
    expect(decideScope(['statements/write'], ['statements/write'], 'POST').allowed).toBe(true);
    expect(decideScope(['state', 'profile'], ['profile'], 'DELETE').allowed).toBe(true);
    expect(decideScope(['statements/write'], ['statements/read'], 'GET').allowed).toBe(false);
    expect(decideScope(['statements/read'], ['statements/write'], 'PUT').allowed).toBe(false);
  });

  it('reads statements under `statements/read/mine` only when limited to the credential\'s own', () => {
    expect(decideScope(['statements/read/mine'], ['statements/read'], 'GET')).toEqual({ allowed: true, mineOnly: true });
    expect(decideScope(['statements/read/mine', 'statements/read'], ['statements/read'], 'GET')).toEqual({ allowed: true, mineOnly: false });
    expect(decideScope(['statements/read/mine'], ['statements/write'], 'POST')).toEqual({ allowed: false });
    expect(decideScope(['statements/read/mine'], ['state'], 'GET')).toEqual({ allowed: false });
  });

  it('fails closed on a route that declares no scope', () => {
    expect(decideScope(['statements/read', 'statements/write', 'state', 'define', 'profile'], [], 'GET')).toEqual({ allowed: false });
  });
});

describe('scopeListProblems', () => {
  it('accepts a list of known scopes', () => {
    expect(scopeListProblems(['statements/write', 'statements/read/mine'])).toEqual([]);
  });

  it.each([[undefined], [[]], ['all'], [['all', 'all']], [['statements/delete']], [[42]]])('rejects %j', (value) => {
    expect(scopeListProblems(value).length).toBeGreaterThan(0);
  });
});
