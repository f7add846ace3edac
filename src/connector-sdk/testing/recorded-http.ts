import { type HttpClient, type HttpRequest, type HttpResponse, HttpUnavailableError } from '../capabilities';

/** One outbound call and the answer recorded for it (a connector's samples carry these). */
export interface RecordedCall {
  method?: string;
  /** Matched against the full URL with query string; a trailing `*` matches any rest. */
  url: string;
  status?: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/**
 * An HttpClient that answers from recordings and refuses anything else with a message that
 * says which call had no recording: preview and tests never reach the network.
 */
export class RecordedHttp implements HttpClient {
  readonly calls: HttpRequest[] = [];

  constructor(
    private readonly recordings: readonly RecordedCall[] = [],
    private readonly refusal = 'this run makes no outbound calls',
  ) {}

  async request<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>> {
    this.calls.push(request);
    const method = request.method ?? 'GET';
    const url = fullUrl(request);
    const hit = this.recordings.find((r) => (r.method ?? 'GET').toUpperCase() === method && matches(r.url, url));
    if (!hit) throw new HttpUnavailableError(`${this.refusal}: ${method} ${url} has no recorded answer`, url);
    return { status: hit.status ?? 200, headers: hit.headers ?? { 'content-type': 'application/json' }, data: hit.body as T };
  }
}

export function fullUrl(request: HttpRequest): string {
  const url = new URL(request.url);
  for (const [name, value] of Object.entries(request.params ?? {})) {
    if (value !== undefined) url.searchParams.set(name, String(value));
  }
  return url.toString();
}

function matches(pattern: string, url: string): boolean {
  return pattern.endsWith('*') ? url.startsWith(pattern.slice(0, -1)) : pattern === url;
}
