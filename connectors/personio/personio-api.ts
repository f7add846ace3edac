import { type ConnectorContext, type HttpResponse, SourceAuthError, sourceAuthStatus } from '../../src/connector-sdk';
import type { PersonioConfig } from './config';

/** Instance state key of the cached bearer token. */
export const TOKEN_KEY = 'token';

interface CachedToken {
  token: string;
  /** ISO 8601 */
  expiresAt: string;
}

/** Personio answered something other than what the API documents (5xx, a malformed body). */
export class PersonioApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

/** A token is renewed this long before Personio says it expires, so a pull never starts with one about to lapse. */
const EXPIRY_MARGIN_MS = 60_000;

/** Personio's own words from an error body (`{ success: false, error: { message } }`), if any. */
function personioMessage(data: unknown): string {
  const message = (data as { error?: { message?: unknown } } | undefined)?.error?.message;
  return typeof message === 'string' && message !== '' ? ` (Personio: "${message}")` : '';
}

/**
 * A bearer token from POST /auth with the client id and secret, kept in the instance state until
 * shortly before it expires (`expires_in`, one day by default) so every pull and every process
 * shares it.
 */
export async function bearerToken(context: ConnectorContext<PersonioConfig>, renew = false): Promise<string> {
  const { config, http, state, now } = context;
  const cached = await state.get<CachedToken>(TOKEN_KEY);
  if (!renew && cached && Date.parse(cached.expiresAt) - EXPIRY_MARGIN_MS > now.getTime()) return cached.token;
  const url = `${config.apiBaseUrl}/auth`;
  const answer = await http.request<{ success?: boolean; data?: { token?: string; expires_in?: number } }>({
    method: 'POST',
    url,
    headers: { accept: 'application/json' },
    data: { client_id: config.clientId, client_secret: config.clientSecret },
  });
  const refused = sourceAuthStatus(answer.status);
  if (refused) {
    // The host stops the task (no retries) and shows this reason until an admin acts.
    throw new SourceAuthError(
      `Personio refused the API credentials (${refused}) at POST ${url}${personioMessage(answer.data)}: check clientId and clientSecret (Settings → Integrations → API credentials)`,
      refused,
    );
  }
  const token = answer.data?.data?.token;
  if (answer.status !== 200 || typeof token !== 'string' || token === '') throw new PersonioApiError(`Personio answered ${answer.status} without a token at POST ${url}${personioMessage(answer.data)}`, answer.status);
  const seconds = answer.data?.data?.expires_in ?? 86_400;
  await state.set(TOKEN_KEY, { token, expiresAt: new Date(now.getTime() + seconds * 1000).toISOString() } satisfies CachedToken);
  return token;
}

/**
 * GET an API path with the bearer token. A 401 with a cached token gets one new token and one
 * more try (the token may have been revoked); 401/403 after that is a SourceAuthError naming
 * what to check. Other statuses are returned for the caller to judge (404 means "no such employee").
 */
export async function personioGet<T>(context: ConnectorContext<PersonioConfig>, path: string, params?: Record<string, string | number | undefined>): Promise<HttpResponse<T>> {
  const url = `${context.config.apiBaseUrl}${path}`;
  const get = (token: string) => context.http.request<T>({ url, params, headers: { accept: 'application/json', authorization: `Bearer ${token}` } });
  let answer = await get(await bearerToken(context));
  if (answer.status === 401) answer = await get(await bearerToken(context, true));
  if (answer.status === 401) throw new SourceAuthError(`Personio refused a new token (401) for GET ${url}${personioMessage(answer.data)}: check that the API credentials are still active`, 401);
  if (answer.status === 403) {
    throw new SourceAuthError(
      `Personio answered 403 for GET ${url}${personioMessage(answer.data)}: the API credentials need read access to attendances and to employees (with the e-mail, name and department attributes)`,
      403,
    );
  }
  return answer;
}
