import { join } from 'node:path';
import {
  type ConnectorSample,
  configFor,
  inboundRequest,
  loadSamples,
  runSample,
  runTaskSample,
  statementIdFor,
  testContext,
} from '../../src/connector-sdk';
import { itMapsEverySample } from '../../src/connector-sdk/testing/sample-suite';
import { connector } from './index';
import { CURSOR_KEY, pullWindow } from './pull.task';
import { idOf, instantOf, textOf, valueAt } from './report-values';
import { mapReportRow } from './workday.mapping';

const REPORT_URL = 'https://wd2-impl-services1.workday.com/ccx/service/customreport2/acme/ISU_xAPI_Hub/xAPI_Learning_Completions';
const baseConfig = {
  reportUrl: REPORT_URL,
  username: 'ISU_xAPI_Hub@acme',
  password: 'isu-password-from-env',
  tenantUrl: 'https://wd2-impl.workday.com/acme',
  timeZone: 'America/Los_Angeles',
};
const TOKEN = 'workday-upload-token-0123456789';
const config = configFor(connector, baseConfig);
const samples = loadSamples(join(__dirname, 'samples'));
const taskSamples = samples.filter((s) => (s.sample as { task?: string }).task === 'pull');
const requestSamples = samples.filter((s) => !taskSamples.includes(s));

/** A pull sample through the SDK's task runner, as this instance. */
const runPull = (pull: ConnectorSample) => runTaskSample(connector, 'pull', { instanceId: 'workday-learning', ...pull }, baseConfig);

describe('workday', () => {
  it.each(taskSamples)('$name (pull) gives what it expects, valid xAPI', async ({ sample }) => {
    const result = await runPull(sample);
    expect(result).toMatchObject(sample.expected);
    expect(result.events).toHaveLength((sample.expected.events ?? []).length);
    for (const event of result.events) expect(event.invalid).toEqual([]);
  });

  describe('posted', () => {
    // A posted report never moves the cursor.
    itMapsEverySample(connector, requestSamples, baseConfig, { alsoExpect: (result) => expect(result.context.state.snapshot()).toEqual({}) });
  });

  describe('pull task', () => {
    it('runs every pollMinutes, with Basic auth of the integration user and the prompt from the cursor', async () => {
      expect(connector.tasks!.pull.everyMs(configFor(connector, { ...baseConfig, pollMinutes: 15 }))).toBe(900_000);
      const ctx = testContext({ config, now: new Date('2026-11-28T06:00:00Z'), state: { [CURSOR_KEY]: '2026-11-23' }, http: [{ url: `${REPORT_URL}?format=json&Completed_On_or_After=2026-11-23`, body: { Report_Entry: [] } }] });
      expect(await connector.tasks!.pull.run(ctx)).toEqual([]);
      expect(ctx.http.calls).toEqual([
        {
          url: REPORT_URL,
          params: { format: 'json', Completed_On_or_After: '2026-11-23' },
          headers: { accept: 'application/json', authorization: `Basic ${Buffer.from('ISU_xAPI_Hub@acme:isu-password-from-env').toString('base64')}` },
        },
      ]);
      expect(ctx.state.snapshot()).toEqual({ [CURSOR_KEY]: '2026-11-24' });
    });

    it('uses the configured prompt name', async () => {
      const ctx = testContext({
        config: configFor(connector, { ...baseConfig, completedOnOrAfterPrompt: 'Start_Date' }),
        now: new Date('2026-11-28T06:00:00Z'),
        state: { [CURSOR_KEY]: '2026-11-23' },
        http: [{ url: `${REPORT_URL}?format=json&Start_Date=2026-11-23`, body: {} }],
      });
      expect(await connector.tasks!.pull.run(ctx)).toEqual([]);
    });

    it('re-running the first pull gives the same keys and statement ids (duplicates, nothing new)', async () => {
      const first = taskSamples.find((s) => s.name === 'first-pull.json')!.sample;
      const again = taskSamples.find((s) => s.name === 're-run-makes-nothing-new.json')!.sample;
      const a = await runPull(first);
      const b = await runPull(again);
      const ids = (r: typeof a) => new Map(r.events.map((e) => [e.eventKey, e.statements.map((s) => s.id)]));
      for (const [key, statementIds] of ids(b)) expect(ids(a).get(key)).toEqual(statementIds);
      expect(statementIdFor('workday-learning', b.events[0].eventKey, 'completed:21001')).toBe(b.events[0].statements[0].id);
    });

    it.each([
      [403, /security group needs View access/],
      [404, /web-service enabled/],
      [500, /Workday answered 500/],
    ])('fails with a reason on %i and leaves the cursor', async (status, reason) => {
      const ctx = testContext({ config, now: new Date('2026-11-28T06:00:00Z'), state: { [CURSOR_KEY]: '2026-11-23' }, http: [{ url: `${REPORT_URL}*`, status, body: '' }] });
      await expect(connector.tasks!.pull.run(ctx)).rejects.toThrow(reason);
      expect(ctx.state.snapshot()).toEqual({ [CURSOR_KEY]: '2026-11-23' });
    });

    it('fails when the answer is not a RaaS JSON report (e.g. the XML format)', async () => {
      const ctx = testContext({ config, now: new Date('2026-11-28T06:00:00Z'), http: [{ url: `${REPORT_URL}*`, headers: { 'content-type': 'text/xml' }, body: '<wd:Report_Data/>' }] });
      await expect(connector.tasks!.pull.run(ctx)).rejects.toThrow(/did not answer with a JSON report/);
      expect(ctx.state.snapshot()).toEqual({});
    });

    it('moves the cursor forward only, and starts from the lookback on the first pull', () => {
      const now = new Date('2026-11-27T06:00:00Z'); // 26 November in Los Angeles
      expect(pullWindow(undefined, now, config)).toEqual({ from: '2026-10-27', next: '2026-11-23' });
      expect(pullWindow('2026-11-25', now, config)).toEqual({ from: '2026-11-25', next: '2026-11-25' });
      expect(pullWindow(undefined, now, configFor(connector, { ...baseConfig, initialLookbackDays: 0, overlapDays: 0 }))).toEqual({ from: '2026-11-26', next: '2026-11-26' });
    });
  });

  describe('verify (reports posted to the hook)', () => {
    const post = (authorization?: string) => inboundRequest({ headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) }, body: { Report_Entry: [] } });
    const ctx = (secrets: string[]) => testContext({ config, secrets });
    it('takes the bearer token of any active secret (rotation: old and new), nothing else', async () => {
      const rotating = ctx(['workday-new-token-0123456789', TOKEN]);
      expect(await connector.verify(post(`Bearer ${TOKEN}`), rotating)).toEqual({ ok: true });
      expect(await connector.verify(post('Bearer workday-new-token-0123456789'), rotating)).toEqual({ ok: true });
      expect(await connector.verify(post(`Bearer ${TOKEN}x`), rotating)).toEqual({ ok: false, reason: 'the bearer token matches none of the instance secrets' });
      expect(await connector.verify(post(), rotating)).toEqual({ ok: false, reason: 'missing Authorization: Bearer <token> header' });
      expect(await connector.verify(post(`Basic ${TOKEN}`), rotating)).toMatchObject({ ok: false });
    });
    it('refuses everything when the instance has no secret (pull-only)', async () => {
      expect(await connector.verify(post(`Bearer ${TOKEN}`), ctx([]))).toMatchObject({ ok: false, reason: expect.stringMatching(/no secret/) });
    });
    it('refuses a body that is not a RaaS report (400) or not JSON (415)', () => {
      expect(() => connector.split(inboundRequest({ body: { Report_Entry: 'x' } }), ctx([TOKEN]))).toThrow(expect.objectContaining({ status: 400 }));
      expect(() => connector.split(inboundRequest({ headers: { 'content-type': 'text/csv' }, body: 'a,b' }), ctx([TOKEN]))).toThrow(expect.objectContaining({ status: 415 }));
    });
  });

  describe('mapping', () => {
    const row = { Employee_ID: '21001', Learning_Content_ID: 'LC-1', Completion_Status: 'Completed', Completion_Date: '2026-11-03' };
    it('refuses rows it cannot map correctly, with the column named', () => {
      expect(() => mapReportRow({ ...row, Employee_ID: '' }, config)).toThrow('the row has no worker id (column Employee_ID)');
      expect(() => mapReportRow({ ...row, Learning_Content_ID: undefined }, config)).toThrow('the row has no learning content id (column Learning_Content_ID)');
      expect(() => mapReportRow({ ...row, Completion_Date: undefined }, config)).toThrow('the row is "Completed" but has no completion date (column Completion_Date)');
      expect(() => mapReportRow({ ...row, Completion_Date: 'soon' }, config)).toThrow(/is not a date/);
      expect(() => mapReportRow({ ...row, Score: '120' }, config)).toThrow('the score "120" (Score) is not a number from 0 to 100');
      expect(() => mapReportRow({ ...row, Duration: 'an hour' }, config)).toThrow(/is not a number of hours/);
    });
    it('gives a row without ids a digest key, and the mapping says what is missing', async () => {
      const result = await runSample(connector, { description: '', verify: false, request: { body: { Report_Entry: [{ Completion_Status: 'Completed' }] } }, expected: {} }, baseConfig);
      expect(result.events[0]).toMatchObject({ eventKey: expect.stringMatching(/^row:[0-9a-f]{64}$/), error: 'the row has no worker id (column Employee_ID)' });
    });
    it('reads durations in minutes and ISO 8601 when configured, and never writes PT0S', () => {
      const minutes = configFor(connector, { ...baseConfig, durationUnit: 'minutes' });
      const iso = configFor(connector, { ...baseConfig, durationUnit: 'iso8601' });
      const duration = (r: Record<string, unknown>, c = config) => {
        const outcome = mapReportRow({ ...row, ...r }, c);
        return outcome.kind === 'statements' ? outcome.statements[0].statement.result : undefined;
      };
      expect(duration({ Duration: '90' }, minutes)).toEqual({ completion: true, duration: 'PT1H30M' });
      expect(duration({ Duration: 'PT2H' }, iso)).toEqual({ completion: true, duration: 'PT2H' });
      expect(duration({ Duration: '0' })).toEqual({ completion: true });
      expect(duration({ Duration: 'PT0S' }, iso)).toEqual({ completion: true });
    });
    it('takes configured completed statuses and attended content types', () => {
      const custom = configFor(connector, { ...baseConfig, completedStatuses: ['Passed'], attendedContentTypes: ['Classroom'] });
      expect(mapReportRow({ ...row, Completion_Status: 'Completed' }, custom)).toMatchObject({ kind: 'ignored' });
      expect(mapReportRow({ ...row, Completion_Status: 'PASSED', Learning_Content_Type: 'classroom' }, custom)).toMatchObject({
        kind: 'statements',
        statements: [{ subKey: 'attended:21001', statement: { verb: { id: 'http://adlnet.gov/expapi/verbs/attended' } } }],
      });
    });
    it('keeps a long enrollment id whole in the key and a long content id in a valid IRI', async () => {
      const long = 'X'.repeat(1000);
      const result = await runSample(
        connector,
        { description: '', verify: false, request: { body: { Report_Entry: [{ ...row, Learning_Enrollment_ID: long, Learning_Content_ID: long }] } }, expected: {} },
        baseConfig,
      );
      expect(result.events[0].eventKey).toBe(`enrollment:${long}:completed:2026-11-03`);
      expect(result.events[0].invalid).toEqual([]);
      expect(result.events[0].statements[0].object).toMatchObject({ id: `https://wd2-impl.workday.com/acme/learning-content/${long}` });
    });
  });

  describe('report values', () => {
    it('reads strings, numbers, Descriptor/ID references and multi-instance arrays', () => {
      const ref = { Descriptor: 'Logan McNeil', ID: [{ type: 'WID', value: '3aa5' }, { type: 'Employee_ID', value: '21001' }] };
      expect(textOf(ref)).toBe('Logan McNeil');
      expect(idOf(ref)).toBe('21001');
      expect(idOf({ Descriptor: 'x', ID: [{ type: 'WID', value: '3aa5' }] })).toBe('3aa5');
      expect(idOf({ Descriptor: 'x', ID: { type: 'Learning_Course_ID', value: 'LC-9' } })).toBe('LC-9');
      expect(idOf([ref, { Descriptor: 'Other' }])).toBe('21001');
      expect(textOf(42)).toBe('42');
      expect(textOf('  ')).toBeUndefined();
      expect(idOf(null)).toBeUndefined();
    });
    it('reaches into a related object\'s group by a dotted path (the first of several)', () => {
      const row = { Employee_ID: '21001', Learning_Enrollment_group: [{ Completion_Status: 'Completed', Completion_Date: '2026-11-03' }, { Completion_Status: 'Registered' }] };
      expect(valueAt(row, 'Learning_Enrollment_group.Completion_Status')).toBe('Completed');
      expect(valueAt(row, 'Employee_ID')).toBe('21001');
      expect(valueAt(row, 'Employee_ID.Nothing')).toBeUndefined();
      const grouped = configFor(connector, { ...baseConfig, statusField: 'Learning_Enrollment_group.Completion_Status', completionDateField: 'Learning_Enrollment_group.Completion_Date' });
      expect(mapReportRow({ ...row, Learning_Content_ID: 'LC-1' }, grouped)).toMatchObject({ kind: 'statements', statements: [{ statement: { timestamp: '2026-11-03T08:00:00.000Z' } }] });
    });

    it('places dates in the instance zone, with or without Workday\'s offset suffix', () => {
      expect(instantOf('2026-11-03', 'America/Los_Angeles').toISOString()).toBe('2026-11-03T08:00:00.000Z');
      expect(instantOf('2026-07-03-07:00', 'America/Los_Angeles').toISOString()).toBe('2026-07-03T07:00:00.000Z');
      expect(instantOf('2026-11-03T10:15:00Z', 'America/Los_Angeles').toISOString()).toBe('2026-11-03T10:15:00.000Z');
      expect(instantOf('2026-11-03T10:15:00', 'Europe/Berlin').toISOString()).toBe('2026-11-03T09:15:00.000Z');
      expect(() => instantOf('yesterday', 'UTC')).toThrow(RangeError);
    });
  });

  it('has a config that validates attribute fields and rejects non-string ones', () => {
    expect(() => configFor(connector, { ...baseConfig, personAttributeFields: { location: 7 } })).toThrow(/personAttributeFields/);
    expect(() => configFor(connector, { ...baseConfig, timeZone: 'Mars/Base' })).toThrow(/timeZone/);
  });
});
