import type { XapiVersion } from '../../xapi/xapi-version';
import type { Connector, ExpressionEvaluator } from '../connector';
import { type ConnectorSample, loadSamples, runSample } from './sample-runner';

/** Samples as loadSamples reads them: file name and content. */
export type NamedSample = ReturnType<typeof loadSamples>[number];

export interface SampleSuiteOptions {
  /** xAPI versions every statement is validated against; default 1.0.3. */
  versions?: XapiVersion[];
  expressions?: ExpressionEvaluator;
  /** Further checks on each sample's result (e.g. a posted report never moves the cursor). */
  alsoExpect?: (result: Awaited<ReturnType<typeof runSample>>, sample: ConnectorSample) => void;
}

/**
 * The test every connector spec starts with: each sample (a folder's `*.json`, or the list
 * given) runs through `runSample` with the spec's base config, its result matches the
 * sample's `expected`, and every statement it emits is valid xAPI (`invalid: []`).
 * Uses jest's globals, so specs import it by path (not from the SDK index, which the hub
 * loads) and tsconfig.build.json / tsconfig.bench.json leave this file out.
 */
export function itMapsEverySample<C extends object>(
  connector: Connector<C>,
  samples: string | readonly NamedSample[],
  baseConfig: Record<string, unknown>,
  options: SampleSuiteOptions = {},
): void {
  const cases = typeof samples === 'string' ? loadSamples(samples) : [...samples];
  it.each(cases)('$name: $sample.description', async ({ sample }) => {
    const result = await runSample(connector, sample, baseConfig, { expressions: options.expressions, versions: options.versions });
    expect(result).toMatchObject(sample.expected);
    for (const event of result.events) expect(event.invalid).toEqual([]);
    options.alsoExpect?.(result, sample);
  });
}

/** The sample of that file name (`.json` may be left out); a missing one fails the spec loudly. */
export function sampleNamed(samples: readonly NamedSample[], name: string): ConnectorSample {
  const file = name.endsWith('.json') ? name : `${name}.json`;
  const found = samples.find((s) => s.name === file);
  if (!found) throw new Error(`no sample ${file} (have: ${samples.map((s) => s.name).join(', ')})`);
  return found.sample;
}
