import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import { configFor, dryRun, inboundRequest, loadSamples, runSample, statementIdFor, testContext } from '../../src/connector-sdk';
import { itMapsEverySample, sampleNamed } from '../../src/connector-sdk/testing/sample-suite';
import { connector } from './index';

const TABLE = 'category_1700000000000__table_1700000000001';
const baseConfig = {
  customTableId: TABLE,
  columns: {
    training: 'column_1700000000002',
    date: 'column_1700000000003',
    status: 'column_1700000000004',
    duration: 'column_1700000000005',
    score: 'column_1700000000006',
    instructorEmail: 'column_1700000000007',
  },
  serviceUserId: 'SERVICE-12345',
  serviceUserToken: 'test-token-not-real',
};
const SECRET = 'hibob-webhook-secret-current-0123';
const samples = loadSamples(join(__dirname, 'samples'));
const sample = (name: string) => sampleNamed(samples, name);

describe('hibob', () => {
  itMapsEverySample(connector, samples, baseConfig);

  it('reads the row with Basic auth and never calls Bob in split', async () => {
    const result = await runSample(connector, sample('entry-created-completed'), baseConfig);
    expect(result.context.http.calls[0]).toMatchObject({ headers: { authorization: `Basic ${Buffer.from('SERVICE-12345:test-token-not-real').toString('base64')}` } });
    const ctx = testContext({ config: configFor(connector, baseConfig), secrets: [SECRET] });
    await connector.split(inboundRequest({ body: JSON.parse(sample('entry-created-completed').request.body as string) }), ctx);
    expect(ctx.http.calls).toHaveLength(0);
  });

  it('voids exactly the statement the corrected row had sent', async () => {
    const created = await runSample(connector, sample('entry-created-completed'), baseConfig);
    const corrected = await runSample(connector, sample('entry-corrected-voids-previous'), baseConfig);
    const voiding = corrected.events[0].statements[0];
    expect(voiding.object).toEqual({ objectType: 'StatementRef', id: created.events[0].statements[0].id });
    expect(created.events[0].statements[0].id).toBe(statementIdFor('test', created.events[0].eventKey, 'completed'));
  });

  it('sends nothing for an update that changes nothing recorded, and the same again when an event is mapped twice', async () => {
    const first = sample('entry-created-completed');
    const run = await runSample(connector, first, baseConfig);
    const state = run.context.state.snapshot();
    const update = { ...first, state, request: { ...first.request, body: (first.request.body as string).replace('table.entry.created', 'table.entry.updated') } };
    update.request.headers = { ...first.request.headers, 'bob-signature': createHmac('sha512', SECRET).update(update.request.body as string).digest('base64') };
    const unchanged = await runSample(connector, update, baseConfig);
    expect(unchanged.events[0]).toMatchObject({ statements: [], ignored: 'entry updated without a change to what is recorded' });
    const again = await runSample(connector, { ...first, state }, baseConfig);
    expect(again.events[0].statements.map((s) => s.id)).toEqual(run.events[0].statements.map((s) => s.id));
  });

  it('withdraws a statement when the row no longer counts as a completion', async () => {
    const first = await runSample(connector, sample('entry-created-completed'), baseConfig);
    const enrolled = sample('status-not-a-completion');
    const body = (enrolled.request.body as string).replace('8120421', '8120419').replace('table.entry.created', 'table.entry.updated');
    const http = [
      { method: 'GET', url: enrolled.http![0].url, body: { values: [{ ...(enrolled.http![0].body as { values: Record<string, unknown>[] }).values[0], id: '8120419' }] } },
      enrolled.http![1],
    ];
    const ctx = testContext({ config: configFor(connector, { ...baseConfig, timeZone: 'Europe/Berlin' }), secrets: [SECRET], http, state: first.context.state.snapshot() });
    const result = await dryRun(connector, inboundRequest({ headers: { 'content-type': 'application/json' }, body }), ctx, { verify: false, versions: ['1.0.3'] });
    expect(result.events[0].statements).toEqual([expect.objectContaining({ verb: expect.objectContaining({ id: 'http://adlnet.gov/expapi/verbs/voided' }), object: { objectType: 'StatementRef', id: first.events[0].statements[0].id } })]);
  });

  it('retries (throws a plain error) when Bob is busy, and keys events so a redelivery is a duplicate', async () => {
    const busy = { ...sample('entry-created-completed'), http: [{ method: 'GET', url: sample('entry-created-completed').http![0].url, status: 503, body: {} }] };
    await expect(runSample(connector, busy, baseConfig)).rejects.toThrow(/503/);
    const ctx = testContext({ config: configFor(connector, baseConfig) });
    const request = inboundRequest({ headers: { 'content-type': 'application/json' }, body: sample('entry-created-completed').request.body });
    expect(await connector.split(request, ctx)).toEqual(await connector.split(request, ctx));
  });

  it('verifies against every active secret and refuses when none is configured', async () => {
    const body = '{"type":"table.entry.created"}';
    const signed = (secret: string) => inboundRequest({ headers: { 'bob-signature': createHmac('sha512', secret).update(body).digest('base64') }, body });
    const ctx = (secrets: string[]) => testContext({ config: configFor(connector, baseConfig), secrets });
    expect(await connector.verify(signed('new-secret-0000000000'), ctx(['new-secret-0000000000', 'old-secret-0000000000']))).toEqual({ ok: true });
    expect(await connector.verify(signed('old-secret-0000000000'), ctx(['new-secret-0000000000', 'old-secret-0000000000']))).toEqual({ ok: true });
    expect(await connector.verify(signed('old-secret-0000000000'), ctx([]))).toMatchObject({ ok: false, reason: expect.stringMatching(/no HiBob webhook secret/) });
    const hex = inboundRequest({ headers: { 'bob-signature': createHmac('sha512', 'new-secret-0000000000').update(body).digest('hex') }, body });
    expect(await connector.verify(hex, ctx(['new-secret-0000000000']))).toMatchObject({ ok: false });
  });
});
