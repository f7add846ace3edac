import { matchesAnySecret } from './shared-token';

describe('matchesAnySecret', () => {
  it('accepts any active secret (rotation) and nothing else', () => {
    const secrets = ['new-client-state-0123', 'old-client-state-0123'];
    expect(matchesAnySecret('old-client-state-0123', secrets)).toBe(true);
    expect(matchesAnySecret('new-client-state-0123', secrets)).toBe(true);
    expect(matchesAnySecret('new-client-state-012', secrets)).toBe(false);
    expect(matchesAnySecret('', secrets)).toBe(false);
    expect(matchesAnySecret(undefined, secrets)).toBe(false);
    expect(matchesAnySecret('anything', [])).toBe(false);
  });
});
