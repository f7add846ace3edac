import { LRS_ERROR_STATUS } from '../http/lrs-error-status';
import { LrsError } from '../lrs-errors';
import { decodeMoreToken, encodeMoreToken } from './more-cursor';
import { MAX_PAGE_SIZE, parseStatementRequest } from './statement-query-params';

const ID = '6f1b7a1e-5a4e-4c55-9d2a-3f1d0f5c8b11';
const parse = (params: Record<string, string>) => parseStatementRequest(params, '1.0.3');
const status = (params: Record<string, string>) => {
  try {
    parse(params);
    return 200;
  } catch (error) {
    return LRS_ERROR_STATUS[(error as LrsError).kind];
  }
};

describe('GET /statements parameters (xAPI 1.0.3 Communication §2.1.3)', () => {
  it('reads a single-statement request, with format and attachments', () => {
    expect(parse({ statementId: ID.toUpperCase(), format: 'ids', attachments: 'true' })).toEqual({
      kind: 'single',
      id: ID,
      voided: false,
      format: 'ids',
      attachments: true,
    });
    expect(parse({ voidedStatementId: ID })).toMatchObject({ kind: 'single', voided: true, format: 'exact', attachments: false });
  });

  it('reads a query', () => {
    const request = parse({
      agent: '{"mbox":"mailto:ana@example.org"}',
      verb: 'http://adlnet.gov/expapi/verbs/attended',
      activity: 'http://example.org/a',
      registration: ID,
      since: '2024-05-04T12:00:00-05:00',
      until: '2024-05-05T00:00:00Z',
      related_agents: 'true',
      ascending: 'true',
      limit: '0',
    });
    expect(request).toMatchObject({
      kind: 'query',
      query: {
        agentKey: 'mbox:mailto:ana@example.org',
        verbId: 'http://adlnet.gov/expapi/verbs/attended',
        activityId: 'http://example.org/a',
        registration: ID,
        since: '2024-05-04T17:00:00.000Z',
        until: '2024-05-05T00:00:00.000Z',
        relatedAgents: true,
        relatedActivities: false,
        ascending: true,
        limit: MAX_PAGE_SIZE,
      },
    });
  });

  it.each([
    [{ foo: 'bar' }],
    [{ StatementId: ID }],
    [{ LIMIT: '1' }],
    [{ statementId: ID, agent: '{"mbox":"mailto:a@b.org"}' }],
    [{ statementId: ID, limit: '1' }],
    [{ voidedStatementId: ID, ascending: 'true' }],
    [{ statementId: ID, voidedStatementId: ID }],
    [{ statementId: 'wrong' }],
    [{ agent: 'not JSON' }],
    [{ agent: '{"name":"no identifier"}' }],
    [{ verb: 'not an iri' }],
    [{ registration: 'wrong' }],
    [{ since: 'not a timestamp' }],
    [{ limit: '-1' }],
    [{ format: 'full' }],
    [{ ascending: 'yes' }],
    [{ more: 'x', limit: '1' }],
  ])('refuses %j with 400', (params) => {
    expect(status(params)).toBe(400);
  });

  it('round-trips a more token, without the read/mine authority', () => {
    const token = encodeMoreToken({ query: { limit: 5, verbId: 'http://v', authorityKey: 'mbox:x' }, output: { format: 'ids', attachments: false } }, 42);
    expect(decodeMoreToken(token)).toEqual({ query: { limit: 5, verbId: 'http://v', afterSeq: 42 }, output: { format: 'ids', attachments: false } });
    expect(decodeMoreToken('garbage')).toBeUndefined();
  });
});
