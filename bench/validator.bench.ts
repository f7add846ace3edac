import { minimalStatement, richStatement, richStatement2 } from '../src/xapi/validation/statement.fixtures';
import { validateStatement } from '../src/xapi/validation';
import type { XapiVersion } from '../src/xapi/xapi-version';
import type { BenchSettings } from './support/settings';
import { median } from './support/stats';
import { type BenchTable, count, ratio } from './support/table';

interface ValidatorCase {
  name: string;
  statement: unknown;
  run(statement: unknown): unknown;
}

const validate = (version: XapiVersion) => (statement: unknown) => {
  const issues = validateStatement(statement, version);
  // A statement that fails would time the error path, not the validator's usual work.
  if (issues.length > 0) throw new Error(`bench statement is invalid (${version}): ${issues.map((i) => `${i.path}: ${i.reason}`).join('; ')}`);
  return issues;
};

/**
 * validateStatement on the validator specs' own fixtures: the rich statement (every part of
 * a 1.0.3 statement; the 2.0 one adds contextAgents/contextGroups) and a minimal one. The
 * yardstick is a JSON round trip of the rich statement: the machine's speed at plain object
 * work, measured in the same run.
 */
export async function validatorBench(settings: BenchSettings): Promise<BenchTable[]> {
  const rich = richStatement();
  const yardstick: ValidatorCase = { name: 'JSON.parse(JSON.stringify(rich)) (yardstick)', statement: rich, run: (s) => JSON.parse(JSON.stringify(s)) };
  const cases: ValidatorCase[] = [
    { name: 'rich statement, 1.0.3', statement: rich, run: validate('1.0.3') },
    { name: 'rich statement, 2.0.0', statement: richStatement2(), run: validate('2.0.0') },
    { name: 'minimal statement, 1.0.3', statement: minimalStatement(), run: validate('1.0.3') },
    yardstick,
  ];
  const rates = new Map<ValidatorCase, number>();
  for (const c of cases) rates.set(c, measure(c, settings));
  const baseline = rates.get(yardstick)!;
  return [
    {
      title: 'Validator: validateStatement',
      notes: [
        `Statements per second on one core, ${settings.validator.seconds} s per run, median of ${settings.runs} runs after a warm-up. Rich statement: ${JSON.stringify(rich).length} bytes of JSON.`,
        'For scale: STACK.md measured @learninglocker/xapi-validation at ~89k statements/s.',
      ],
      columns: ['case', 'statements/s', 'µs each', 'vs JSON round trip'],
      rows: cases.map((c) => [c.name, count(rates.get(c)!), (1e6 / rates.get(c)!).toFixed(1), ratio(rates.get(c)!, baseline)]),
    },
  ];
}

function measure(c: ValidatorCase, settings: BenchSettings): number {
  c.run(c.statement); // fails fast when the fixture is not valid
  loop(c, 200); // warm-up: let the JIT settle before timing
  const runs: number[] = [];
  for (let run = 0; run < settings.runs; run++) {
    const until = performance.now() + settings.validator.seconds * 1000;
    const started = performance.now();
    let done = 0;
    while (performance.now() < until) done += loop(c, 500);
    runs.push(done / ((performance.now() - started) / 1000));
  }
  return median(runs);
}

/** Counts the calls that gave a result, so the JIT cannot treat the work as dead code. */
function loop(c: ValidatorCase, n: number): number {
  let answered = 0;
  for (let i = 0; i < n; i++) if (c.run(c.statement) !== undefined) answered++;
  return answered;
}
