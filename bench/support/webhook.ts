import { createHmac } from 'node:crypto';

/** The shared secret of the benchmark's webhook instance (as IT would configure it). */
export const WEBHOOK_SECRET = 'bench-shared-secret-0123456789';
export const WEBHOOK_INSTANCE = 'bench';
export const SIGNATURE_HEADER = 'x-hub-signature-256';

/**
 * The hub's configuration for every benchmark: one signed generic-webhook instance with the
 * shipped demo mapping, and the rate limit raised to its maximum so that the benchmark
 * measures the hub, not the limiter's 429s. Identity resolution runs on every statement; the
 * pipeline bench fills the directory for its "resolution on" rows.
 */
export function benchHubConfigYaml(): string {
  return `
destinations:
  - id: builtin
    type: builtin
instances:
  - id: ${WEBHOOK_INSTANCE}
    connector: generic-webhook
    destinations: [builtin]
    rateLimitPerSecond: 100000
    identity: { cohortAttributes: [team] }
    config:
      eventKey: id
      secret: ${WEBHOOK_SECRET}
      mapping: |
        {
          "actor": { "objectType": "Agent", "mbox": "mailto:" & email, "name": name },
          "verb": { "id": "http://adlnet.gov/expapi/verbs/" & verb, "display": { "en-US": verb } },
          "object": { "objectType": "Activity", "id": course, "definition": { "name": { "en-US": title } } },
          "result": $exists(score) ? { "score": { "scaled": score } },
          "timestamp": at
        }
limits:
  hookRatePerSecond: 100000
`;
}

/** A course completion as an LMS sends it (~230 bytes); `key` makes each one a new event. */
export function webhookBody(key: string, learner: number): string {
  return JSON.stringify({
    id: key,
    email: `learner-${learner}@example.org`,
    name: `Learner ${learner}`,
    verb: 'completed',
    course: `https://lms.example.org/course/${learner % 50}`,
    title: 'Safety 101',
    score: 0.9,
    at: '2026-11-27T10:00:00Z',
  });
}

/** GitHub-style `sha256=<hex>` over the exact bytes sent. */
export function sign(body: string): string {
  return `sha256=${createHmac('sha256', WEBHOOK_SECRET).update(body).digest('hex')}`;
}

/** Headers of one signed webhook request. */
export function signedHeaders(body: string): Record<string, string> {
  return { 'content-type': 'application/json', [SIGNATURE_HEADER]: sign(body) };
}
