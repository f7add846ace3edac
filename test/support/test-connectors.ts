import { IsInt, IsOptional, Min } from 'class-validator';
import { ConnectorRegistry } from '../../src/connector-host/connector-registry';
import {
  csvRows,
  defineConnector,
  formBody,
  ignored,
  jsonBody,
  later,
  mediaTypeOf,
  type RejectedItem,
  type SourceEvent,
  statements,
} from '../../src/connector-sdk';
import type { Statement } from '../../src/xapi/statement';

export class TestEventsConfig {
  /** Runs the `poll` task this often; no polling without it. */
  @IsOptional()
  @IsInt()
  @Min(50)
  pollMs?: number;
}

interface TestEventBody {
  id?: string;
  email?: string;
  verb?: string;
  /** Mapped as ignored, with this reason. */
  ignore?: string;
  /** Not before this time (ISO 8601): mapped as later until then. */
  until?: string;
  /** A URL whose JSON answer gives the e-mail (preview answers it from recordings). */
  lookup?: string;
}

/**
 * A test-only connector (never under connectors/): takes any content type the host must
 * carry — empty, form, CSV, a JSON array — and maps each event to one `completed` statement,
 * or says ignored / later as the body asks. Its `poll` task returns the same event each tick.
 */
export const testEvents = defineConnector<TestEventsConfig>({
  id: 'test-events',
  name: 'Test events',
  description: 'test only',
  configSchema: TestEventsConfig,
  verify: () => ({ ok: true }),

  split(request) {
    const type = mediaTypeOf(request);
    if (request.rawBody.length === 0) {
      // A push notification with no body (Google's): the event is in the headers.
      return [{ key: `push-${request.headers['x-message-number'] ?? '0'}`, body: { email: 'push@example.org', id: 'push' } }];
    }
    if (type === 'application/x-www-form-urlencoded') {
      const form = formBody(request);
      return [{ key: form.id, body: form }];
    }
    if (type === 'text/csv') {
      const events: SourceEvent[] = [];
      const rejected: RejectedItem[] = [];
      for (const row of csvRows(request.rawBody)) {
        if (row.values.email) events.push({ key: row.values.id, body: row.values });
        else rejected.push({ at: `line ${row.line}`, reason: 'no email' });
      }
      return { events, rejected };
    }
    const body = jsonBody(request);
    return (Array.isArray(body) ? body : [body]).map((item: TestEventBody) => ({ key: String(item.id), body: item }));
  },

  async map(event, { now, http }) {
    const body = event.body as TestEventBody;
    if (body.ignore) return ignored(body.ignore);
    if (body.until && now < new Date(body.until)) return later(body.until, 'the session has not ended');
    let email = body.email;
    if (body.lookup) email = ((await http.request<{ email: string }>({ url: body.lookup })).data as { email: string }).email;
    const statement: Statement = {
      actor: { objectType: 'Agent', mbox: `mailto:${email}` },
      verb: { id: `http://adlnet.gov/expapi/verbs/${body.verb ?? 'completed'}` },
      object: { objectType: 'Activity', id: `https://test.example.org/events/${encodeURIComponent(event.key)}` },
      timestamp: body.until ?? event.receivedAt,
    };
    return statements([{ subKey: 'main', statement }]);
  },

  reply(accepted, request) {
    if (request.query.reply !== 'text') return undefined;
    return { body: `got ${accepted.events.length} event(s)`, contentType: 'text/plain' };
  },

  tasks: {
    poll: {
      everyMs: (config) => config.pollMs,
      async run({ state }) {
        const runs = ((await state.get<number>('runs')) ?? 0) + 1;
        await state.set('runs', runs);
        return [{ key: 'poll-1', body: { id: 'poll-1', email: 'poll@example.org' } }];
      },
    },
  },
});

/** The shipped connectors (every folder under connectors/) plus the test-only one. */
export function registryWithTestConnectors(): ConnectorRegistry {
  const shipped = ConnectorRegistry.loadFrom();
  return new ConnectorRegistry([...shipped.ids().map((id) => shipped.get(id)!), testEvents]);
}
