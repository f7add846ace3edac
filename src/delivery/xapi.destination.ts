import axios, { type AxiosInstance, type AxiosResponse, isAxiosError } from 'axios';
import { destinationXapiVersion } from '../config/destination-settings';
import type { DestinationConfig } from '../config/hub-config.schema';
import { sameStatement } from '../lrs/statements/statement-equivalence';
import type { Statement } from '../xapi/statement';
import { XAPI_VERSION_HEADER } from '../xapi/xapi-version';
import type { BatchAnswer, HeldStatement } from './batch-answer';
import type { Destination } from './destination';
import { answerFromHttp, type HttpReply } from './lrs-http-answer';

/** An external LRS over HTTP: POST /statements with Basic credentials. */
export class XapiDestination implements Destination {
  readonly id: string;
  private readonly http: AxiosInstance;

  constructor(config: DestinationConfig) {
    this.id = config.id;
    const endpoint = new URL(config.endpoint!.endsWith('/') ? config.endpoint! : `${config.endpoint}/`);
    // Credentials written into the URL (http://user:pass@host/) are used as Basic credentials, never logged with it.
    const username = config.username ?? decodeURIComponent(endpoint.username);
    const password = config.password ?? decodeURIComponent(endpoint.password);
    endpoint.username = '';
    endpoint.password = '';
    this.http = axios.create({
      baseURL: endpoint.toString(),
      timeout: config.timeoutMs ?? 10_000,
      auth: { username, password },
      headers: { [XAPI_VERSION_HEADER]: destinationXapiVersion(config), 'Content-Type': 'application/json' },
      // Every status is classified by us, not thrown by axios.
      validateStatus: () => true,
      maxRedirects: 0,
    });
  }

  async deliver(statements: readonly Statement[]): Promise<BatchAnswer> {
    return answerFromHttp(await this.request(() => this.http.post('statements', statements)), new Date());
  }

  async compare(statements: readonly Statement[]): Promise<HeldStatement[] | { kind: 'unavailable'; message: string }> {
    const held: HeldStatement[] = [];
    for (const statement of statements) {
      const reply = await this.request(() => this.http.get('statements', { params: { statementId: statement.id } }));
      if (reply.status === 404) held.push('absent');
      else if (reply.status === 200 && reply.body) {
        const same = sameStatement(reply.body as Record<string, unknown>, statement as unknown as Record<string, unknown>, statement.timestamp !== undefined);
        held.push(same ? 'identical' : 'different');
      } else return { kind: 'unavailable', message: `could not read statement ${statement.id} back: ${reply.status ?? ''} ${reply.message}` };
    }
    return held;
  }

  private async request(send: () => Promise<AxiosResponse>): Promise<HttpReply & { body?: unknown }> {
    try {
      const response = await send();
      const retryAfter = response.headers['retry-after'] as string | undefined;
      return { status: response.status, message: summarise(response.data), retryAfter, body: response.data };
    } catch (error) {
      return { message: isAxiosError(error) ? (error.code ?? error.message) : String(error) };
    }
  }
}

/** The first part of an LRS's answer: enough to act on, never the whole payload. */
function summarise(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return (text ?? '').slice(0, 500);
}
