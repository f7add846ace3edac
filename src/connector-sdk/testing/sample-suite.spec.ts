import { IsString } from 'class-validator';
import { defineConnector } from '../connector';
import { statements } from '../outcome';
import type { ConnectorSample } from './sample-runner';
import { itMapsEverySample, type NamedSample, sampleNamed } from './sample-suite';

class EchoConfig {
  @IsString() course = 'c-1';
}

/** Maps `{ email }` to one completed statement; takes every request. */
const echo = defineConnector<EchoConfig>({
  id: 'echo',
  name: 'echo',
  description: 'test only',
  configSchema: EchoConfig,
  verify: () => ({ ok: true }),
  split: (request) => [{ key: 'k', body: JSON.parse(request.rawBody.toString()) as unknown }],
  map: (event, { config }) =>
    statements([
      {
        subKey: 'completed',
        statement: {
          actor: { mbox: `mailto:${(event.body as { email: string }).email}` },
          verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
          object: { id: `https://lms.example.org/c/${config.course}` },
        },
      },
    ]),
});

const sample = (email: string): ConnectorSample => ({
  description: `completion of ${email}`,
  request: { body: { email } },
  // As a sample file has it: only the parts the case proves.
  expected: { events: [{ eventKey: 'k', statements: [{ actor: { mbox: `mailto:${email}` } }] }] } as ConnectorSample['expected'],
});
const samples: NamedSample[] = [
  { name: 'ana.json', sample: sample('ana@example.org') },
  { name: 'bo.json', sample: sample('bo@example.org') },
];

describe('itMapsEverySample', () => {
  const seen: string[] = [];
  itMapsEverySample(echo, samples, {}, { versions: ['1.0.3', '2.0.0'], alsoExpect: (result, s) => seen.push(`${s.description}: ${result.events.length}`) });

  afterAll(() => {
    // One test per sample, each with the extra check run on its result.
    expect(seen).toEqual(['completion of ana@example.org: 1', 'completion of bo@example.org: 1']);
  });
});

describe('sampleNamed', () => {
  it('finds a sample by its file name, with or without .json', () => {
    expect(sampleNamed(samples, 'bo').description).toBe('completion of bo@example.org');
    expect(sampleNamed(samples, 'ana.json').description).toBe('completion of ana@example.org');
  });
  it('fails loudly, naming the samples there are, when there is no such file', () => {
    expect(() => sampleNamed(samples, 'cid')).toThrow('no sample cid.json (have: ana.json, bo.json)');
  });
});
