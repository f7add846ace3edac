import { validateActivityId, validateAgent } from './index';

describe('validateAgent (the `agent` parameter of the document resources)', () => {
  it.each([
    ['an Agent by mbox', { objectType: 'Agent', mbox: 'mailto:ada@example.com' }],
    ['an Agent without objectType', { account: { homePage: 'http://www.example.com/agentId/1', name: 'Rick James' } }],
    ['an identified Group', { objectType: 'Group', mbox_sha1sum: 'cd9b00a5611f94eaa7b1661edab976068e364975' }],
    ['an anonymous Group', { objectType: 'Group', member: [{ openid: 'https://openid.example.com/a' }] }],
  ])('accepts %s', (_name, agent) => {
    expect(validateAgent(agent, '1.0.3')).toEqual([]);
    expect(validateAgent(agent, '2.0.0')).toEqual([]);
  });

  it.each([
    ['a string', 'not JSON', 'agent', /must be an Agent or Group/],
    ['a boolean', true, 'agent', /got a boolean/],
    ['an Agent without identifier', { objectType: 'Agent', name: 'Rick' }, 'agent', /exactly one of mbox/],
    ['an mbox without mailto:', { mbox: 'rick@example.com' }, 'agent.mbox', /mailto:/],
    ['an account without homePage', { account: { name: 'Rick' } }, 'agent.account.homePage', /required/],
    ['an unknown property', { mbox: 'mailto:rick@example.com', role: 'x' }, 'agent.role', /not a property of an Agent/],
    ['a Group member that is a Group', { objectType: 'Group', member: [{ objectType: 'Group', mbox: 'mailto:g@example.com' }] }, 'agent.member[0].objectType', /must be an Agent/],
  ])('rejects %s', (_name, agent, path, reason) => {
    const issues = validateAgent(agent, '1.0.3');
    const atPath = issues.filter((issue) => issue.path === path);
    expect(atPath).not.toHaveLength(0);
    expect(atPath.map((issue) => issue.reason).join(' | ')).toMatch(reason);
  });

  it('reports under the path the caller names', () => {
    expect(validateAgent({ mbox: 'x' }, '2.0.0', 'params.agent')).toEqual([
      { path: 'params.agent.mbox', reason: expect.stringContaining('mailto:') },
    ]);
  });
});

describe('validateActivityId (the `activityId` parameter)', () => {
  it('accepts an IRI', () => {
    expect(validateActivityId('http://www.example.com/activityId/hashset')).toEqual([]);
  });

  it.each([['not.a.valid.iri.com/activity'], [''], [42]])('rejects %p', (activityId) => {
    const issues = validateActivityId(activityId);
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe('activityId');
  });
});
