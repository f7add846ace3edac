import { type ConnectorContext, type HttpRequest, type HttpResponse, HttpUnavailableError, urlUnder } from '../../src/connector-sdk';
import { CalendarAuthError, cachedToken } from '../../src/connector-sdk/calendar';
import type { GoogleCalendarConfig } from './config';

type Context = ConnectorContext<GoogleCalendarConfig>;

/** An access token from the refresh token (RFC 6749 §6), shared through instance state until near expiry. */
export async function googleToken(context: Context): Promise<string> {
  return cachedToken(context.state, 'google:token', context.now, async () => {
    const { config } = context;
    const answer = await context.http.request<{ access_token?: string; expires_in?: number; error?: string; error_description?: string }>({
      method: 'POST',
      url: config.tokenUrl,
      form: { client_id: config.clientId, client_secret: config.clientSecret, refresh_token: config.refreshToken, grant_type: 'refresh_token' },
    });
    if (answer.status === 200 && answer.data?.access_token) return { accessToken: answer.data.access_token, expiresInSeconds: answer.data.expires_in ?? 3599 };
    const said = answer.data?.error_description ?? answer.data?.error ?? `status ${answer.status}`;
    if (answer.status >= 400 && answer.status < 500) throw new CalendarAuthError(`Google refused the refresh token (check clientId, clientSecret, refreshToken): ${said}`, 401);
    throw new HttpUnavailableError(`Google's token endpoint answered ${answer.status}`, config.tokenUrl);
  });
}

/** A Calendar API call with the token. 401/403 are a setup problem (not retried); 429 and 5xx are, by the host. */
export async function googleCall<T>(context: Context, request: Omit<HttpRequest, 'url'> & { path: string }): Promise<HttpResponse<T>> {
  const token = await googleToken(context);
  const { path, ...rest } = request;
  const url = urlUnder(context.config.apiBaseUrl, path);
  const answer = await context.http.request<T>({ ...rest, url, headers: { authorization: `Bearer ${token}`, ...request.headers } });
  if (answer.status === 401 || answer.status === 403) {
    throw new CalendarAuthError(
      `Google Calendar answered ${answer.status} for ${url}: the account behind the refresh token must be able to read the calendar (scope calendar.readonly)`,
      answer.status,
    );
  }
  if (answer.status === 429 || answer.status >= 500) throw new HttpUnavailableError(`Google Calendar answered ${answer.status}`, url);
  return answer;
}

/** `calendars/<id>/…` with the id escaped (`primary`, an e-mail, a group calendar id). */
export function calendarPath(context: Context, rest: string): string {
  return `calendars/${encodeURIComponent(context.config.calendarId)}/${rest}`;
}
