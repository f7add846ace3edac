import { parseHubConfig } from '../config/load-hub-config';
import { bindInstances } from '../connector-sdk/connector-instances';
import { ConnectorRegistry } from '../connector-sdk/connector-registry';
import { JsonataSandbox } from '../connector-sdk/jsonata';
import { normalizeEvent } from './normalize-event';
import { statementIdFor } from '../connector-sdk/statement-id';

const config = parseHubConfig(
  `destinations: [{ id: builtin, type: builtin }]
instances:
  - id: lms
    connector: generic-webhook
    config:
      mapping: |
        { "actor": { "mbox": "mailto:" & email }, "verb": { "id": "http://adlnet.gov/expapi/verbs/completed" },
          "object": { "id": course }, "timestamp": at }
`,
  'hub.yaml',
  {},
);
const instance = bindInstances(config, ConnectorRegistry.loadFrom(), 'hub.yaml').get('lms')!;
const event = (at: string) => ({
  eventKey: 'evt-1',
  receivedAt: '2026-11-27T10:00:00Z',
  body: { email: 'ana@example.org', course: 'https://lms.example.org/c/1', at },
});

describe('normalizeEvent', () => {
  const sandbox = new JsonataSandbox();
  afterAll(() => sandbox.close());

  it('maps, gives the deterministic id, and passes a valid statement', async () => {
    const { statements, quarantined } = await normalizeEvent(instance, event('2026-11-27T09:00:00Z'), sandbox, ['1.0.3']);
    expect(quarantined).toEqual([]);
    expect(statements).toEqual([expect.objectContaining({ id: statementIdFor('lms', 'evt-1', 0) })]);
  });

  it('holds a statement to every version its destinations speak', async () => {
    // Valid in 1.0.3, where a timestamp may omit its offset; xAPI 2.0 requires one.
    const local = event('2026-11-27T09:00:00');
    expect((await normalizeEvent(instance, local, sandbox, ['1.0.3'])).quarantined).toEqual([]);
    const { statements, quarantined } = await normalizeEvent(instance, local, sandbox, ['1.0.3', '2.0.0']);
    expect(statements).toEqual([]);
    expect(quarantined[0].issues).toEqual([expect.objectContaining({ path: 'timestamp', reason: expect.stringMatching(/^xAPI 2\.0\.0: /) })]);
  });
});
