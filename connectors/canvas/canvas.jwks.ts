import { type ConnectorContext, HttpUnavailableError } from '../../src/connector-sdk';
import { type JwtVerdict, verifyJwtWithJwks } from '../../src/connector-sdk/jwt';
import type { CanvasConfig } from './config';

interface CachedJwks {
  fetchedAt: string;
  jwks: unknown;
}

const CACHE_KEY = 'jwks';

/**
 * Verifies a signed Live Event against the configured JWKS, cached in the instance state so
 * every hub process shares it. A token whose kid is not in a cached set makes one refetch:
 * Canvas rotates keys monthly and publishes the next one ahead, so that is rare.
 */
export async function verifySignedPayload(token: string, context: ConnectorContext<CanvasConfig>): Promise<JwtVerdict> {
  const { config, now, state } = context;
  const jwksUrl = config.jwksUrl as string;
  const check = (jwks: unknown) => verifyJwtWithJwks(token, { jwksJson: jwks, now, issuer: config.issuer, audience: config.audience });

  const cached = await state.get<CachedJwks>(CACHE_KEY);
  const fresh = cached !== undefined && now.getTime() - new Date(cached.fetchedAt).getTime() < config.jwksMaxAgeSeconds * 1000;
  if (cached && fresh) {
    const verdict = check(cached.jwks);
    if (verdict.ok || !verdict.unknownKey) return verdict;
  }
  const fetched = await fetchJwks(jwksUrl, context);
  if ('reason' in fetched) return { ok: false, reason: fetched.reason };
  await state.set(CACHE_KEY, { fetchedAt: now.toISOString(), jwks: fetched.jwks } satisfies CachedJwks);
  return check(fetched.jwks);
}

async function fetchJwks(url: string, { http }: ConnectorContext<CanvasConfig>): Promise<{ jwks: unknown } | { reason: string }> {
  try {
    const response = await http.request({ method: 'GET', url, timeoutMs: 5000 });
    if (response.status !== 200) return { reason: `the JWKS at ${url} answered HTTP ${response.status}` };
    const jwks = typeof response.data === 'string' ? parse(response.data) : response.data;
    return jwks === undefined ? { reason: `the JWKS at ${url} is not JSON` } : { jwks };
  } catch (error) {
    if (error instanceof HttpUnavailableError) return { reason: `the JWKS at ${url} could not be fetched: ${error.message}` };
    throw error;
  }
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
