import { HttpUnavailableError } from '../capabilities';
import { fullUrl, RecordedHttp } from './recorded-http';

describe('RecordedHttp', () => {
  const http = new RecordedHttp(
    [
      { url: 'https://graph.example/v1.0/me/events/1', body: { id: '1' } },
      { method: 'POST', url: 'https://graph.example/v1.0/subscriptions', status: 201, body: { id: 'sub' } },
      { url: 'https://slack.example/api/users.info?*', body: { ok: true }, headers: { 'content-type': 'application/json', 'x-n': '1' } },
    ],
    'no network in this test',
  );

  it('answers a recorded call by method and full URL, with status 200 and JSON by default', async () => {
    expect(await http.request({ url: 'https://graph.example/v1.0/me/events/1' })).toEqual({
      status: 200,
      headers: { 'content-type': 'application/json' },
      data: { id: '1' },
    });
    expect(await http.request({ method: 'POST', url: 'https://graph.example/v1.0/subscriptions', data: {} })).toMatchObject({ status: 201 });
  });

  it('matches query parameters as part of the URL, and a trailing * as any rest', async () => {
    expect(await http.request({ url: 'https://slack.example/api/users.info', params: { user: 'U1' } })).toMatchObject({ data: { ok: true }, headers: { 'x-n': '1' } });
  });

  it('refuses an unrecorded call with a message naming it, and keeps every call made', async () => {
    const error = await http.request({ method: 'DELETE', url: 'https://graph.example/v1.0/subscriptions' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpUnavailableError);
    expect((error as Error).message).toBe('no network in this test: DELETE https://graph.example/v1.0/subscriptions has no recorded answer');
    expect(http.calls.map((c) => c.method ?? 'GET')).toEqual(['GET', 'POST', 'GET', 'DELETE']);
  });
});

describe('fullUrl', () => {
  it('appends defined parameters to the URL', () => {
    expect(fullUrl({ url: 'https://a.example/x?y=1', params: { z: 2, skip: undefined, q: 'a b' } })).toBe('https://a.example/x?y=1&z=2&q=a+b');
  });
});
