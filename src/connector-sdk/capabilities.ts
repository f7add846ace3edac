/**
 * What the host lends a connector to reach outside itself. Connectors never import axios,
 * a database or the clock: tests and preview give them recorded or in-memory stand-ins.
 */

export interface HttpRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Absolute URL; connectors build it from a base URL in their config, so tests can point at a local fake. */
  url: string;
  headers?: Record<string, string>;
  /** Query parameters, appended to the URL. */
  params?: Record<string, string | number | boolean | undefined>;
  /** JSON-serialised unless a string; a form when `form` is set. */
  data?: unknown;
  form?: Record<string, string>;
  timeoutMs?: number;
}

export interface HttpResponse<T = unknown> {
  status: number;
  headers: Record<string, string>;
  /** Parsed JSON when the answer is JSON, else text. */
  data: T;
}

/**
 * Outbound HTTP. Answers every status (the connector decides what a 404 or 410 means);
 * rejects with HttpUnavailableError only when no answer came (timeout, refused) after retries.
 */
export interface HttpClient {
  request<T = unknown>(request: HttpRequest): Promise<HttpResponse<T>>;
}

/** No answer from the remote side (or, in preview, a call with no recorded answer). */
export class HttpUnavailableError extends Error {
  constructor(
    message: string,
    readonly url: string,
  ) {
    super(message);
  }
}

/** Per-instance key-value state, JSON values, kept in the hub's database. */
export interface InstanceState {
  get<T = unknown>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  delete(key: string): Promise<void>;
}
