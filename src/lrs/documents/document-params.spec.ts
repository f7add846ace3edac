import { LRS_ERROR_STATUS } from '../http/lrs-error-status';
import { LrsError } from '../lrs-errors';
import { type DocumentMethod, parseDocumentTarget, type QueryParams } from './document-params';
import type { DocumentKind } from './document-address';

const AGENT = JSON.stringify({ objectType: 'Agent', account: { homePage: 'http://www.example.com/agentId/1', name: 'Rick James' } });
const ACTIVITY = 'http://www.example.com/activityId/hashset';
const REGISTRATION = '0f6f2f9c-4b3f-4a1e-9d8c-1b2c3d4e5f60';

const parse = (kind: DocumentKind, method: DocumentMethod, params: QueryParams) => parseDocumentTarget(kind, method, params, '1.0.3');
const statusOf = (kind: DocumentKind, method: DocumentMethod, params: QueryParams): number | undefined => {
  try {
    parse(kind, method, params);
    return undefined;
  } catch (error) {
    return LRS_ERROR_STATUS[(error as LrsError).kind];
  }
};

describe('parseDocumentTarget', () => {
  it('addresses one State document by activity, agent key, registration and stateId', () => {
    expect(parse('state', 'GET', { activityId: ACTIVITY, agent: AGENT, registration: REGISTRATION, stateId: 's1' })).toEqual({
      single: {
        kind: 'state',
        activityId: ACTIVITY,
        agentKey: 'account:http://www.example.com/agentId/1|Rick James',
        registration: REGISTRATION,
        documentId: 's1',
      },
    });
  });

  it('reads a GET without an id as a multiple-document request over any registration, with since in UTC', () => {
    expect(parse('state', 'GET', { activityId: ACTIVITY, agent: AGENT, since: '2024-05-04T12:00:00+02:00' })).toEqual({
      multiple: { kind: 'state', activityId: ACTIVITY, agentKey: expect.any(String), registration: undefined },
      since: '2024-05-04T10:00:00.000Z',
    });
  });

  it('lets DELETE without an id clear a State scope, but not a profile', () => {
    expect(parse('state', 'DELETE', { activityId: ACTIVITY, agent: AGENT })).toHaveProperty('multiple');
    expect(statusOf('activity_profile', 'DELETE', { activityId: ACTIVITY })).toBe(400);
    expect(statusOf('agent_profile', 'DELETE', { agent: AGENT })).toBe(400);
  });

  it.each([
    ['state without activityId', 'state', 'GET', { agent: AGENT, stateId: 's' }],
    ['state without agent', 'state', 'PUT', { activityId: ACTIVITY, stateId: 's' }],
    ['state PUT without stateId', 'state', 'PUT', { activityId: ACTIVITY, agent: AGENT }],
    ['state POST without stateId', 'state', 'POST', { activityId: ACTIVITY, agent: AGENT }],
    ['agent that is not JSON', 'state', 'GET', { activityId: ACTIVITY, agent: 'not JSON', stateId: 's' }],
    ['agent that is JSON true', 'state', 'GET', { activityId: ACTIVITY, agent: 'true', stateId: 's' }],
    ['agent without an identifier', 'agent_profile', 'GET', { agent: '{"name":"Rick James","objectType":"Agent"}', profileId: 'p' }],
    ['registration that is not a UUID', 'state', 'GET', { activityId: ACTIVITY, agent: AGENT, registration: 'true', stateId: 's' }],
    ['since that is not a timestamp', 'activity_profile', 'GET', { activityId: ACTIVITY, since: 'not a timestamp' }],
    ['activityId that is not an IRI', 'activity_profile', 'GET', { activityId: 'true', profileId: 'p' }],
    ['an unknown parameter', 'activity_profile', 'GET', { activityId: ACTIVITY, profileId: 'p', ProfileId: 'q' }],
    ['registration on a profile', 'activity_profile', 'GET', { activityId: ACTIVITY, profileId: 'p', registration: REGISTRATION }],
    ['a repeated parameter', 'agent_profile', 'GET', { agent: [AGENT, AGENT], profileId: 'p' }],
  ] as [string, DocumentKind, DocumentMethod, QueryParams][])('refuses %s with 400', (_case, kind, method, params) => {
    expect(statusOf(kind, method, params)).toBe(400);
  });
});
