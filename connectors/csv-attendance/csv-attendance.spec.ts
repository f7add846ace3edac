import { join } from 'node:path';
import { configFor, dryRun, inboundRequest, loadSamples, runSample, splitResultOf, testContext } from '../../src/connector-sdk';
import { itMapsEverySample, sampleNamed } from '../../src/connector-sdk/testing/sample-suite';
import { connector } from './index';

const baseConfig = { activityBaseUrl: 'https://learning.acme.example/sessions' };
const samples = loadSamples(join(__dirname, 'samples'));
const context = (config: Record<string, unknown> = baseConfig, secrets: string[] = []) => testContext({ instanceId: 'csv', config: configFor(connector, config), secrets });
const upload = (body: string, headers: Record<string, string> = {}) => inboundRequest({ headers: { 'content-type': 'text/csv', ...headers }, body });

describe('csv-attendance', () => {
  itMapsEverySample(connector, samples, baseConfig);

  it('re-uploading a file makes the same events and the same statement ids, whatever the row order', async () => {
    const [list, reordered] = ['attendance-list', 'reupload-reordered'].map((name) => sampleNamed(samples, name));
    const first = await runSample(connector, list, baseConfig);
    const again = await runSample(connector, reordered, baseConfig);
    const idsBy = (result: typeof first) => Object.fromEntries(result.events.map((e) => [e.eventKey, e.statements[0].id]));
    expect(idsBy(again)).toEqual(idsBy(first));
  });

  it('numbers lines from the header (line 1), BOM and CRLF included', async () => {
    const body = '\ufeffemail,session_id,date\r\nana@acme.example,S-1,2026-11-20\r\nbad,S-1,2026-11-20\r\n\r\ncid@acme.example,S-1,nope\r\n';
    const { rejected } = splitResultOf(await connector.split(upload(body), context()));
    expect(rejected.map((r) => r.at)).toEqual(['line 3', 'line 5']);
  });

  it('keeps the whole quoted field, commas, quotes and line breaks in it', async () => {
    const body = 'email,session_id,session_title,date\r\nana@acme.example,S-1,"Line one, with comma\r\n""quoted"" line two",2026-11-20\r\n';
    const { events } = splitResultOf(await connector.split(upload(body), context()));
    expect(events[0].body).toMatchObject({ sessionTitle: 'Line one, with comma\r\n"quoted" line two' });
  });

  it('compares the upload token in constant time against every active secret', async () => {
    const ctx = context(baseConfig, ['token-new-0123456789', 'token-old-0123456789']);
    expect(await connector.verify(upload('', { authorization: 'Bearer token-new-0123456789' }), ctx)).toEqual({ ok: true });
    expect(await connector.verify(upload('', { 'x-hub-token': 'token-old-0123456789' }), ctx)).toEqual({ ok: true });
    expect(await connector.verify(upload('', { authorization: 'Bearer token-new-012345678' }), ctx)).toEqual({ ok: false, reason: 'the upload token does not match' });
    expect(await connector.verify(upload('', { authorization: 'Basic dG9rZW4=' }), ctx)).toMatchObject({ ok: false, reason: expect.stringMatching(/^missing upload token/) });
    expect(await connector.verify(upload(''), context())).toEqual({ ok: true });
  });

  it('takes ISO 8601 durations and treats 0 as not recorded (never PT0S)', async () => {
    const body = 'email,session_id,date,duration_minutes\nana@acme.example,S-1,2026-11-20,PT1H5M\nbo@acme.example,S-1,2026-11-20,0\n';
    const result = await dryRun(connector, upload(body), context(), { verify: false, versions: ['1.0.3'] });
    expect(result.events[0].statements[0].result).toEqual({ duration: 'PT1H5M' });
    expect(result.events[1].statements[0].result).toBeUndefined();
  });

  it('refuses an empty file with a reason, and takes a header-only file as an empty list', async () => {
    await expect(async () => connector.split(upload(''), context())).rejects.toMatchObject({ status: 400 });
    expect(splitResultOf(await connector.split(upload('email,session_id,date\r\n'), context()))).toEqual({ events: [], rejected: [] });
  });
});
