import axios, { type AxiosInstance, isAxiosError } from 'axios';
import type { DestinationConfig } from '../config/hub-config.schema';
import type { Statement } from '../xapi/statement';
import { XAPI_VERSION_HEADER } from '../xapi/xapi-version';
import { classifyLrsAnswer } from './classify-lrs-answer';
import { DeliveryFailedError, type Destination, destinationXapiVersion } from './destination';

/** An external LRS over HTTP: POST /statements with Basic credentials. */
export class XapiDestination implements Destination {
  readonly id: string;
  private readonly http: AxiosInstance;

  constructor(config: DestinationConfig) {
    this.id = config.id;
    this.http = axios.create({
      baseURL: config.endpoint!.endsWith('/') ? config.endpoint : `${config.endpoint}/`,
      timeout: config.timeoutMs ?? 10_000,
      auth: { username: config.username ?? '', password: config.password ?? '' },
      headers: { [XAPI_VERSION_HEADER]: destinationXapiVersion(config), 'Content-Type': 'application/json' },
      // Every status is classified by us, not thrown by axios.
      validateStatus: () => true,
      maxRedirects: 0,
    });
  }

  async deliver(statements: Statement[]): Promise<void> {
    let status: number | undefined;
    let reason: string;
    try {
      const response = await this.http.post('statements', statements);
      status = response.status;
      reason = `LRS answered ${status}: ${summarise(response.data)}`;
    } catch (error) {
      reason = isAxiosError(error) ? `LRS unreachable: ${error.code ?? error.message}` : String(error);
    }
    const verdict = classifyLrsAnswer(status);
    if (verdict !== 'delivered') throw new DeliveryFailedError(verdict, `destination ${this.id}: ${reason}`, status);
  }
}

/** The first part of an LRS's error body: enough to act on, never the whole payload. */
function summarise(body: unknown): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return (text ?? '').slice(0, 300);
}
