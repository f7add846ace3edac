import type { InstanceState } from '../capabilities';

/** A bearer token as kept in instance state. */
export interface CachedToken {
  accessToken: string;
  expiresAt: string;
}

/** A token this close to expiry is replaced rather than used (clock skew, a slow call). */
const MARGIN_MS = 5 * 60_000;

/**
 * An OAuth access token shared by every worker of an instance: read from state while it has
 * more than five minutes left, else fetched (`fetch` gives the token and its lifetime in
 * seconds) and stored. Graph's client credentials and Google's refresh token both use it.
 */
export async function cachedToken(
  state: InstanceState,
  key: string,
  now: Date,
  fetch: () => Promise<{ accessToken: string; expiresInSeconds: number }>,
): Promise<string> {
  const cached = await state.get<CachedToken>(key);
  if (cached && Date.parse(cached.expiresAt) - MARGIN_MS > now.getTime()) return cached.accessToken;
  const fresh = await fetch();
  await state.set(key, { accessToken: fresh.accessToken, expiresAt: new Date(now.getTime() + fresh.expiresInSeconds * 1000).toISOString() } satisfies CachedToken);
  return fresh.accessToken;
}
