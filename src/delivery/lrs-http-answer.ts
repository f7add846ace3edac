import type { BatchAnswer } from './batch-answer';

/** An LRS's HTTP reply as the xAPI destination saw it; `status` undefined = no reply at all. */
export interface HttpReply {
  status?: number;
  /** The start of the body, or the socket error (ECONNREFUSED, ECONNABORTED …). */
  message: string;
  retryAfter?: string;
}

/**
 * An external LRS's HTTP answer → a typed BatchAnswer (xAPI 1.0.3 Communication §2.1.1 and
 * §3.2 for the statuses). Pure, so every status has a tested meaning.
 */
export function answerFromHttp(reply: HttpReply, now: Date): BatchAnswer {
  const { status, message } = reply;
  if (status === undefined) return { kind: 'unavailable', message: `LRS unreachable: ${message}` };
  const said = `LRS answered ${status}: ${message}`;
  if (status >= 200 && status < 300) return { kind: 'stored' };
  if (status === 409) return { kind: 'conflict', message: said };
  if (status === 413) return { kind: 'too-large', message: said };
  if (status === 401 || status === 403) return { kind: 'refused', cause: 'credentials', message: said };
  if (status === 404 || status === 405) return { kind: 'refused', cause: 'endpoint', message: said };
  if (status === 408 || status === 425 || status === 429 || status >= 500) {
    return { kind: 'unavailable', message: said, retryAfterMs: retryAfterMs(reply.retryAfter, now) };
  }
  return { kind: 'rejected', message: said };
}

/** `Retry-After` as seconds or an HTTP date (RFC 9110 §10.2.3), in ms from now. */
export function retryAfterMs(header: string | undefined, now: Date): number | undefined {
  if (!header) return undefined;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now.getTime());
}
