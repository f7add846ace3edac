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
