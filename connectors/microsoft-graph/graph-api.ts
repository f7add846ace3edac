import { type ConnectorContext, type HttpRequest, type HttpResponse, HttpUnavailableError, urlUnder } from '../../src/connector-sdk';
import { CalendarAuthError, cachedToken } from '../../src/connector-sdk/calendar';
import type { MicrosoftGraphConfig } from './config';

type Context = ConnectorContext<MicrosoftGraphConfig>;

/**
 * An app-only token (OAuth 2.0 client credentials, scope `https://graph.microsoft.com/.default`),
 * shared through instance state until five minutes before it expires.
 */
export async function graphToken(context: Context): Promise<string> {
  return cachedToken(context.state, 'graph:token', context.now, async () => {
    const { config } = context;
    const url = urlUnder(config.loginBaseUrl, `${encodeURIComponent(config.tenantId)}/oauth2/v2.0/token`);
    const answer = await context.http.request<{ access_token?: string; expires_in?: number; error_description?: string }>({
      method: 'POST',
      url,
      form: { client_id: config.clientId, client_secret: config.clientSecret, scope: 'https://graph.microsoft.com/.default', grant_type: 'client_credentials' },
    });
    if (answer.status === 200 && answer.data?.access_token) return { accessToken: answer.data.access_token, expiresInSeconds: answer.data.expires_in ?? 3599 };
    const said = answer.data?.error_description?.split('\r\n')[0] ?? `status ${answer.status}`;
    if (answer.status >= 400 && answer.status < 500) throw new CalendarAuthError(`Microsoft Entra ID refused the app's credentials (check tenantId, clientId, clientSecret): ${said}`, 401);
    throw new HttpUnavailableError(`Microsoft Entra ID answered ${answer.status}`, url);
  });
}

/**
 * A Graph call with the app token. Times come back in UTC (`Prefer: outlook.timezone="UTC"`);
 * the mapping still reads any zone Graph names. 401/403 are a setup problem (permission or
 * consent missing) and are not retried; 429 and 5xx are, by the host.
 */
export async function graphCall<T>(context: Context, request: Omit<HttpRequest, 'url'> & { path: string }): Promise<HttpResponse<T>> {
  const token = await graphToken(context);
  const { path, ...rest } = request;
  // Paging links (@odata.nextLink) are absolute; everything else is relative to the configured base.
  const url = /^https?:\/\//.test(path) ? path : urlUnder(context.config.graphBaseUrl, path);
  const answer = await context.http.request<T>({ ...rest, url, headers: { authorization: `Bearer ${token}`, prefer: 'outlook.timezone="UTC"', ...request.headers } });
  if (answer.status === 401 || answer.status === 403) {
    throw new CalendarAuthError(`Microsoft Graph answered ${answer.status} for ${url}: grant the app Calendars.Read (application) with admin consent`, answer.status);
  }
  if (answer.status === 429 || answer.status >= 500) throw new HttpUnavailableError(`Microsoft Graph answered ${answer.status}`, url);
  return answer;
}
