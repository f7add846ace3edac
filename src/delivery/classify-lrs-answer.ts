/**
 * What to do with an LRS's answer to a batch (DESIGN.md, "Deliver"). Pure, so every
 * status and socket error has a tested decision:
 * - delivered: 2xx, or 409 (the LRS already holds that id — our ids are deterministic);
 * - retry: 408, 425, 429, 5xx, timeouts and connection failures (BullMQ backs off with jitter);
 * - stop: 401/403 — the credentials are wrong; retrying hammers a refusing LRS;
 * - reject: any other 4xx — the LRS refuses the content; retrying cannot change that.
 */
export type LrsVerdict = 'delivered' | 'retry' | 'stop' | 'reject';

/** `status` undefined means no HTTP answer at all (refused, reset, timed out): always worth a retry. */
export function classifyLrsAnswer(status: number | undefined): LrsVerdict {
  if (status === undefined) return 'retry';
  if ((status >= 200 && status < 300) || status === 409) return 'delivered';
  if (status === 401 || status === 403) return 'stop';
  if (status === 408 || status === 425 || status === 429 || status >= 500) return 'retry';
  return 'reject';
}
