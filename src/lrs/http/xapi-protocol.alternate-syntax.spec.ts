import { parseAlternateForm, routeAlternateRequest } from './xapi-protocol.alternate-syntax';

const FORM = 'application/x-www-form-urlencoded';
const form = (fields: Record<string, string>) => Buffer.from(new URLSearchParams(fields).toString());

describe('routeAlternateRequest (xAPI 1.0.3 Communication §1.3)', () => {
  it('leaves ordinary requests alone', () => {
    expect(routeAlternateRequest('GET', '/xapi/statements?limit=1')).toEqual({ kind: 'none' });
    expect(routeAlternateRequest('POST', '/xapi/statements')).toEqual({ kind: 'none' });
    expect(routeAlternateRequest('GET', '/xapi/statements?format=ids&xmethod=1')).toEqual({ kind: 'none' });
  });

  it('routes POST ?method=X as X on the bare path', () => {
    expect(routeAlternateRequest('POST', '/xapi/statements?method=PUT')).toEqual({ kind: 'rewrite', method: 'PUT', url: '/xapi/statements' });
    expect(routeAlternateRequest('POST', '/xapi/activities/state?method=delete')).toEqual({
      kind: 'rewrite',
      method: 'DELETE',
      url: '/xapi/activities/state',
    });
  });

  it.each([
    ['not issued as a POST', 'PUT', '/xapi/statements?method=POST', /only valid on POST/],
    ['with other query parameters ("extra information")', 'POST', '/xapi/statements?method=PUT&statementId=abc', /found statementId/],
    ['with an unknown method', 'POST', '/xapi/statements?method=PATCH', /not one of/],
    ['with method twice', 'POST', '/xapi/statements?method=GET&method=PUT', /exactly once/],
  ])('refuses one %s', (_case, method, url, reason) => {
    const routing = routeAlternateRequest(method, url);
    expect(routing.kind).toBe('reject');
    expect(routing.kind === 'reject' && routing.reason).toMatch(reason);
  });
});

describe('parseAlternateForm', () => {
  it('splits the form into headers, query parameters and content', () => {
    const parsed = parseAlternateForm(
      'PUT',
      `${FORM}; charset=utf-8`,
      form({
        statementId: 'a6e3a5c2-0f4c-4d2b-9f5e-4bdfb0a4a1a1',
        content: '{"actor":{}}',
        'X-Experience-API-Version': '1.0.3',
        Authorization: 'Basic abc',
        'Content-Type': 'application/json',
        'Content-Length': '12',
        'If-Match': '"etag"',
      }),
    );
    expect(parsed).toEqual({
      headers: { 'x-experience-api-version': '1.0.3', authorization: 'Basic abc', 'content-type': 'application/json', 'if-match': '"etag"' },
      query: { statementId: 'a6e3a5c2-0f4c-4d2b-9f5e-4bdfb0a4a1a1' },
      content: '{"actor":{}}',
    });
  });

  it('takes a GET with its query parameters only', () => {
    expect(parseAlternateForm('GET', FORM, form({ limit: '1' }))).toEqual({ headers: {}, query: { limit: '1' } });
  });

  it.each([
    ['a body that is not a form', 'PUT', 'application/json', Buffer.from('{"content":"x"}'), /x-www-form-urlencoded/],
    ['no body at all', 'PUT', undefined, Buffer.alloc(0), /absent/],
    ['JSON sent as if it were a form', 'PUT', FORM, Buffer.from('{"statementId":"x","content":"{}"}'), /not a form/],
    ['a PUT without content', 'PUT', FORM, form({ statementId: 'x' }), /needs the form parameter content/],
    ['a GET with content', 'GET', FORM, form({ content: '{}' }), /takes no content/],
    ['a header given twice', 'PUT', FORM, Buffer.from('content=1&authorization=a&Authorization=b'), /twice/],
  ] as const)('refuses %s', (_case, method, contentType, body, error) => {
    const parsed = parseAlternateForm(method, contentType, body);
    expect('error' in parsed && parsed.error).toMatch(error);
  });
});
