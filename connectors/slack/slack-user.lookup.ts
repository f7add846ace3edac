import { urlUnder } from '../../src/connector-sdk';
import type { ConnectorContext } from '../../src/connector-sdk';
import type { SlackConfig } from './config';

/** What users.info told us about a Slack user, kept in the instance's state until `expiresAt`. */
export interface SlackUserFacts {
  email?: string;
  name?: string;
  expiresAt: string;
}

interface UsersInfoAnswer {
  ok: boolean;
  error?: string;
  user?: { id: string; real_name?: string; profile?: { email?: string; real_name?: string; display_name?: string } };
}

/** Slack answers 429 with Retry-After when rate limited: worth retrying, so the mapping throws. */
export class SlackRateLimitedError extends Error {}

const cacheKey = (userId: string) => `slack-user:${userId}`;

/**
 * The user's e-mail and name from users.info (scopes users:read, users:read.email), cached in
 * the instance's state so a busy channel costs one call per person per `userCacheHours`.
 * Runs in map, never in split: Slack wants its answer within 3 s. A permanent refusal
 * (user_not_found, missing_scope) is cached as "nothing known" and logged, so the statement
 * still goes out with the Slack account; no answer at all throws and the host retries.
 */
export async function lookUpSlackUser(userId: string, context: ConnectorContext<SlackConfig>): Promise<SlackUserFacts | undefined> {
  const { config, state, http, now } = context;
  if (!config.botToken) return undefined;
  const cached = await state.get<SlackUserFacts>(cacheKey(userId));
  if (cached && Date.parse(cached.expiresAt) > now.getTime()) return cached;

  const response = await http.request<UsersInfoAnswer>({
    method: 'GET',
    url: urlUnder(config.apiBaseUrl, 'users.info'),
    params: { user: userId },
    headers: { authorization: `Bearer ${config.botToken}` },
  });
  if (response.status === 429) throw new SlackRateLimitedError(`Slack users.info is rate limited (Retry-After ${response.headers['retry-after'] ?? '?'} s)`);
  if (response.status >= 500) throw new Error(`Slack users.info answered ${response.status}`);
  const expiresAt = new Date(now.getTime() + config.userCacheHours * 3_600_000).toISOString();
  const answer = response.data;
  if (!answer?.ok || !answer.user) {
    context.log('warn', 'Slack users.info refused; the statement carries the Slack account only', { user: userId, error: answer?.error ?? response.status });
    const nothing: SlackUserFacts = { expiresAt };
    await state.set(cacheKey(userId), nothing);
    return nothing;
  }
  const profile = answer.user.profile ?? {};
  const facts: SlackUserFacts = {
    ...(profile.email ? { email: profile.email } : {}),
    ...(answer.user.real_name || profile.real_name ? { name: answer.user.real_name || profile.real_name } : {}),
    expiresAt,
  };
  await state.set(cacheKey(userId), facts);
  return facts;
}
