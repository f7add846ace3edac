import { LRS_BASIC } from './test-hub';

/** A few lines of HTTP against a hub, as curl would send them. */
export async function postJson(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Response> {
  return fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export async function getStatements(hubUrl: string, params: Record<string, string>): Promise<{ statements: Record<string, unknown>[]; more: string }> {
  const query = new URLSearchParams(params).toString();
  const response = await fetch(`${hubUrl}/xapi/statements?${query}`, {
    headers: { authorization: LRS_BASIC, 'x-experience-api-version': '1.0.3' },
  });
  if (response.status !== 200) throw new Error(`GET statements answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as { statements: Record<string, unknown>[]; more: string };
}

/** One statement by id from a hub's built-in LRS, or undefined while it is not there (404). */
export async function getStatementById(hubUrl: string, id: string): Promise<Record<string, unknown> | undefined> {
  const response = await fetch(`${hubUrl}/xapi/statements?statementId=${id}`, { headers: { authorization: LRS_BASIC, 'x-experience-api-version': '1.0.3' } });
  return response.status === 200 ? ((await response.json()) as Record<string, unknown>) : undefined;
}

/**
 * Statements a source wrote for `account`: stored under it, or — when the identity directory
 * knows that account (an HR connector's own hints teach it) — under the person's canonical
 * actor, with the account kept in the source-actor extension.
 */
export async function statementsFromSourceAccount(hubUrl: string, account: { homePage: string; name: string }): Promise<Record<string, unknown>[]> {
  const same = (agent: unknown) => {
    const found = (agent as { account?: { homePage?: string; name?: string } } | undefined)?.account;
    return found?.homePage === account.homePage && found?.name === account.name;
  };
  const { statements } = await getStatements(hubUrl, { limit: '500' });
  return statements.filter((statement) => {
    const extensions = (statement.context as { extensions?: Record<string, unknown> } | undefined)?.extensions;
    return same(statement.actor) || same(extensions?.['https://xapi-hub.dev/extensions/source-actor']);
  });
}
