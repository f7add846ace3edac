import axios, { type AxiosInstance, type AxiosResponse, isAxiosError } from 'axios';
import { type HttpClient, type HttpRequest, type HttpResponse, HttpUnavailableError } from '../../connector-sdk/capabilities';
import { backoffMs, shouldRetry } from './http-retry';

export interface AxiosHttpClientOptions {
  /** Per attempt, unless the request sets its own. Default 10 s. */
  timeoutMs?: number;
  /** Further attempts for a GET that got no answer or a 5xx. Default 2. */
  retries?: number;
  /** First wait between attempts; doubles each time. Default 200 ms. */
  backoffBaseMs?: number;
}

/**
 * The HttpClient connectors get live: axios with a timeout per attempt, a couple of retries
 * with backoff for GETs that got no answer or a 5xx, every status answered (the connector
 * decides what a 404 or 410 means), and HttpUnavailableError only when nothing answered.
 */
export class AxiosHttpClient implements HttpClient {
  private readonly http: AxiosInstance;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffBaseMs: number;

  constructor(options: AxiosHttpClientOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.retries = options.retries ?? 2;
    this.backoffBaseMs = options.backoffBaseMs ?? 200;
    this.http = axios.create({
      validateStatus: () => true,
      // We parse by Content-Type ourselves: axios would guess JSON from the text.
      responseType: 'text',
      transformResponse: [(data: unknown) => data],
      maxRedirects: 5,
    });
  }

  async request<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>> {
    const method = request.method ?? 'GET';
    for (let attempt = 0; ; attempt++) {
      let answer: AxiosResponse<string> | undefined;
      let failure: Error | undefined;
      try {
        answer = await this.http.request<string>({
          method,
          url: request.url,
          params: definedParams(request.params),
          headers: headersFor(request),
          data: bodyOf(request),
          timeout: request.timeoutMs ?? this.timeoutMs,
        });
      } catch (error) {
        if (!isAxiosError(error)) throw error;
        failure = error;
      }
      const outcome = answer ? ({ kind: 'answer', status: answer.status } as const) : ({ kind: 'no-answer' } as const);
      if (attempt < this.retries && shouldRetry(method, outcome)) {
        await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt + 1, this.backoffBaseMs)));
        continue;
      }
      if (answer) return responseOf<T>(answer);
      throw new HttpUnavailableError(`${method} ${request.url} got no answer after ${attempt + 1} attempt(s): ${failure?.message}`, request.url);
    }
  }
}

function definedParams(params: HttpRequest['params']): Record<string, string | number | boolean> | undefined {
  if (!params) return undefined;
  return Object.fromEntries(Object.entries(params).filter((entry): entry is [string, string | number | boolean] => entry[1] !== undefined));
}

function headersFor(request: HttpRequest): Record<string, string> {
  const headers = { ...request.headers };
  const has = (name: string) => Object.keys(headers).some((h) => h.toLowerCase() === name);
  if (request.form && !has('content-type')) headers['content-type'] = 'application/x-www-form-urlencoded';
  else if (request.data !== undefined && typeof request.data !== 'string' && !has('content-type')) headers['content-type'] = 'application/json';
  return headers;
}

function bodyOf(request: HttpRequest): string | undefined {
  if (request.form) return new URLSearchParams(request.form).toString();
  if (request.data === undefined) return undefined;
  return typeof request.data === 'string' ? request.data : JSON.stringify(request.data);
}

function responseOf<T>(answer: AxiosResponse<string>): HttpResponse<T> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(answer.headers)) {
    if (value !== undefined && value !== null) headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  const text = typeof answer.data === 'string' ? answer.data : '';
  const isJson = /[/+]json\b/i.test(headers['content-type'] ?? '');
  let data: unknown = text;
  if (isJson && text !== '') {
    try {
      data = JSON.parse(text);
    } catch {
      // A server that says JSON and sends something else: the connector gets the text.
      data = text;
    }
  }
  return { status: answer.status, headers, data: data as T };
}
