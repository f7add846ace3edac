/**
 * The xAPI OAuth scopes, reused for Basic credentials (xAPI 1.0.3 Communication §4.2,
 * "OAuth Authorization Scope"): a credential holds some, a route accepts some.
 */
export const XAPI_SCOPES = [
  'statements/write',
  'statements/read',
  'statements/read/mine',
  'state',
  'define',
  'profile',
  'all/read',
  'all',
] as const;
export type XapiScopeName = (typeof XAPI_SCOPES)[number];

export function isXapiScope(value: unknown): value is XapiScopeName {
  return typeof value === 'string' && (XAPI_SCOPES as readonly string[]).includes(value);
}

/** Allowed, possibly only for statements whose authority is the credential's own; or denied. */
export type ScopeDecision = { allowed: true; mineOnly: boolean } | { allowed: false };

const READ_METHODS = new Set(['GET', 'HEAD']);

/**
 * Whether a credential holding `held` may call a route that accepts `accepted` with `method`.
 * - `all` grants everything; `all/read` grants every GET/HEAD.
 * - `statements/read/mine` stands in for `statements/read` on reads, limited to the
 *   credential's own statements (spec: "statements where the authority matches").
 * - A route that declares no scope accepts only `all` (and `all/read` for reads): forgetting
 *   the declaration fails closed for restricted credentials.
 */
export function decideScope(held: readonly XapiScopeName[], accepted: readonly XapiScopeName[], method: string): ScopeDecision {
  const isRead = READ_METHODS.has(method.toUpperCase());
  if (held.includes('all')) return { allowed: true, mineOnly: false };
  if (isRead && held.includes('all/read')) return { allowed: true, mineOnly: false };
  if (accepted.some((scope) => held.includes(scope))) return { allowed: true, mineOnly: false };
  if (isRead && accepted.includes('statements/read') && held.includes('statements/read/mine')) return { allowed: true, mineOnly: true };
  return { allowed: false };
}

/** Checks a requested scope list (admin input): non-empty, known names, no repeats. Returns problems. */
export function scopeListProblems(value: unknown): string[] {
  if (!Array.isArray(value) || value.length === 0) return [`scopes: give a non-empty array of ${XAPI_SCOPES.join(', ')}`];
  const problems = value.filter((s) => !isXapiScope(s)).map((s) => `scopes: unknown scope ${JSON.stringify(s)} (known: ${XAPI_SCOPES.join(', ')})`);
  if (new Set(value).size !== value.length) problems.push('scopes: a scope is repeated');
  return problems;
}
