import { ADMIN_TOKEN } from './admin-client';
import { postJson } from './xapi-client';

/** A generic-webhook instance whose events carry their own statement id when `sid` is set. */
export const LMS_INSTANCE = `
  - id: lms
    connector: generic-webhook
    config:
      eventKey: id
      mapping: |
        { "id": sid, "actor": { "mbox": "mailto:" & email }, "verb": { "id": "http://adlnet.gov/expapi/verbs/" & verb },
          "object": { "id": course } }
`;

/** An external destination with short schedules, so a fault test sees backoff and breaker in seconds. */
export function xapiDestination(id: string, endpoint: string, password: string, extra: Record<string, string | number> = {}): string {
  const settings = { timeoutMs: 2000, retryFirstDelayMs: 100, retryMaxDelayMs: 400, breakerOpenMs: 300, lingerMs: 20, ...extra };
  return `
  - id: ${id}
    type: xapi
    endpoint: ${endpoint}
    username: hub
    password: ${password}
${Object.entries(settings)
  .map(([key, value]) => `    ${key}: ${value}`)
  .join('\n')}`;
}

export function hubYaml(destinations: string, options: { pollMs?: number; sweepEveryMs?: number; strandedAfterMs?: number } = {}): string {
  return `
destinations:${destinations}
instances:${LMS_INSTANCE}
limits:
  hookRatePerSecond: 100000
delivery:
  pollMs: ${options.pollMs ?? 200}
  sweepEveryMs: ${options.sweepEveryMs ?? 30000}
  strandedAfterMs: ${options.strandedAfterMs ?? 60000}
`;
}

export const ADMIN_ENV = { HUB_ADMIN_TOKEN: ADMIN_TOKEN };

export function lmsEvent(id: string, extra: Record<string, unknown> = {}) {
  return { id, email: `${id}@example.org`, verb: 'completed', course: 'https://lms.example.org/c/1', ...extra };
}

/** Posts events with a few in flight, as a busy LMS would; every one must be acknowledged. */
export async function postEvents(hubUrl: string, events: Record<string, unknown>[], inFlight = 16): Promise<string[]> {
  const ids: string[] = new Array(events.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: inFlight }, async () => {
      while (next < events.length) {
        const i = next++;
        const response = await postJson(`${hubUrl}/hooks/lms`, events[i]);
        if (response.status !== 202) throw new Error(`event ${i} answered ${response.status}: ${await response.text()}`);
        ids[i] = ((await response.json()) as { eventId: string }).eventId;
      }
    }),
  );
  return ids;
}
