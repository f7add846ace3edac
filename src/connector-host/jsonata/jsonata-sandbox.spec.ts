import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import {
  checkExpression,
  JsonataCompileError,
  JsonataEvaluationError,
  JsonataSandbox,
  JsonataSandboxClosedError,
  JsonataTimeoutError,
} from './index';

// Tail-recursive, so jsonata runs it in constant stack and memory and it never ends (a plain
// `$f($x)` self-call does the same; neither overflows the stack). jsonata's own clock check
// stops it between steps.
const RUNAWAY = '($loop := function($n){ $n < 0 ? 0 : $loop($n + 1) }; $loop(0))';
// Catastrophic regex backtracking: one built-in call that no check inside jsonata can
// interrupt; only terminating the worker stops it.
const BACKTRACKING = '$match("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!", /(a+)+b/)';
// Grows in small steps past a 64 MB heap, in about a second. (One big allocation instead,
// such as `$pad("", 100000000)`, aborts the whole process: see MAX_SEQUENCE_LENGTH.)
const MEMORY_HOG = '$count([1..1000000].{ "n": $ })';

const webhook = {
  event: 'course.completed',
  user: { email: 'ada@example.org', name: 'Ada' },
  course: { id: 42, title: 'Safety' },
  lessons: [{ id: 1 }, { id: 2 }],
};

const MAPPING = `{
  "actor": { "mbox": "mailto:" & user.email, "name": user.name },
  "verb": { "id": "http://adlnet.gov/expapi/verbs/completed" },
  "object": { "id": "https://lms.example.org/courses/" & course.id },
  "context": { "extensions": { "https://hub.example.org/lessons": lessons.id } },
  "timestamp": $receivedAt
}`;

describe('JsonataSandbox', () => {
  let sandbox: JsonataSandbox;

  beforeEach(() => {
    sandbox = new JsonataSandbox({ timeoutMs: 100, poolSize: 2 });
  });

  afterEach(() => sandbox.close());

  it('maps a webhook body to a statement, as plain JSON', async () => {
    const statement = await sandbox.evaluate(MAPPING, webhook, { receivedAt: '2025-01-01T00:00:00Z' });

    expect(statement).toEqual({
      actor: { mbox: 'mailto:ada@example.org', name: 'Ada' },
      verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
      object: { id: 'https://lms.example.org/courses/42' },
      context: { extensions: { 'https://hub.example.org/lessons': [1, 2] } },
      timestamp: '2025-01-01T00:00:00Z',
    });
    // jsonata marks path results as sequences with a hidden property; it must not leak.
    const lessons = await sandbox.evaluate('lessons.id', webhook);
    expect(Object.keys(lessons as object)).toEqual(['0', '1']);
  });

  it('passes bindings to the expression and refuses ones that are not JSON', async () => {
    await expect(sandbox.evaluate('$instanceId & ":" & $count($keys)', {}, { instanceId: 'lms-1', keys: [1, 2] })).resolves.toBe(
      'lms-1:2',
    );
    await expect(sandbox.evaluate('$f(1)', {}, { f: (x: number) => x })).rejects.toThrow(
      new TypeError('binding $f is a function; bindings must be plain JSON values'),
    );
    await expect(sandbox.evaluate('$at', {}, { at: new Date(0) })).rejects.toThrow('binding $at is a Date');
    // jsonata's clock functions work inside the worker.
    await expect(sandbox.evaluate('$millis() > 0 and $substring($now(), 4, 1) = "-"', {})).resolves.toBe(true);
  });

  it('gives undefined when the expression matches nothing', async () => {
    await expect(sandbox.evaluate('user.phone', webhook)).resolves.toBeUndefined();
  });

  it('names the position and the problem of a syntax error', async () => {
    expect(() => checkExpression('($x := (1 + ')).toThrow(JsonataCompileError);
    expect(() => checkExpression('($x := (1 + ')).toThrow('position 12: Expected ")"');
    expect(() => checkExpression(MAPPING)).not.toThrow();

    const rejected = sandbox.evaluate('$foo(', {});
    await expect(rejected).rejects.toThrow(JsonataCompileError);
    await expect(rejected).rejects.toMatchObject({ position: 5, code: 'S0203' });
  });

  it('reports a runtime error with jsonata’s message and position', async () => {
    const rejected = sandbox.evaluate('user.name + 1', webhook);

    await expect(rejected).rejects.toThrow(JsonataEvaluationError);
    await expect(rejected).rejects.toThrow('position 11: The left side of the "+" operator must evaluate to a number');
    await expect(sandbox.evaluate('$error("no learner in " & event)', webhook)).rejects.toThrow('no learner in course.completed');
  });

  it('refuses a result that holds a function rather than dropping it', async () => {
    await expect(sandbox.evaluate('{ "id": 1, "f": function($x) { $x } }', {})).rejects.toThrow(
      'the result contains a function, which is not JSON (at "f")',
    );
  });

  it('stops a runaway expression at the limit and still answers the next evaluation', async () => {
    const single = new JsonataSandbox({ timeoutMs: 100, poolSize: 1 });
    try {
      for (const runaway of [RUNAWAY, BACKTRACKING]) {
        const stopped = single.evaluate(runaway, {});
        const queued = single.evaluate('course.title', webhook);

        await expect(stopped).rejects.toThrow(new JsonataTimeoutError(100));
        await expect(stopped).rejects.toThrow('100 ms');
        // Queued behind the runaway on the only worker: it runs once that worker is free or replaced.
        await expect(queued).resolves.toBe('Safety');
      }
      await expect(single.evaluate('course.id', webhook)).resolves.toBe(42);
    } finally {
      await single.close();
    }
  });

  it('keeps answering on the other worker while one is stuck and terminated', async () => {
    const runaway = sandbox.evaluate(BACKTRACKING, {});
    let stopped = false;
    runaway.catch(() => undefined).finally(() => (stopped = true));

    // One evaluation after another on the free worker, so one is in flight or queued when the
    // stuck worker is terminated.
    const answers: unknown[] = [];
    while (!stopped) answers.push(await sandbox.evaluate('course.title', webhook));

    await expect(runaway).rejects.toThrow(JsonataTimeoutError);
    expect(answers.length).toBeGreaterThan(0);
    expect(new Set(answers)).toEqual(new Set(['Safety']));
  });

  it('refuses a sequence too large to allocate safely', async () => {
    await expect(sandbox.evaluate('$count([1..10000000])', {})).rejects.toThrow(
      'position 11: The maximum sequence length of 10000000 was exceeded.',
    );
  });

  it('stops an expression that allocates past the memory cap, as an evaluation error', async () => {
    const patient = new JsonataSandbox({ timeoutMs: 10_000, poolSize: 1 });
    try {
      await expect(patient.evaluate(MEMORY_HOG, {})).rejects.toThrow(
        new JsonataEvaluationError({ message: 'the expression used more than the 64 MB memory limit and was stopped' }),
      );
      await expect(patient.evaluate('1 + 1', {})).resolves.toBe(2);
    } finally {
      await patient.close();
    }
  });

  it('keeps concurrent evaluations apart', async () => {
    const inputs = Array.from({ length: 200 }, (_, n) => ({ n, tag: `t${n}` }));

    const results = await Promise.all(inputs.map((input) => sandbox.evaluate('tag & "/" & $string(n * $k)', input, { k: 3 })));

    expect(results).toEqual(inputs.map(({ n }) => `t${n}/${n * 3}`));
  });

  it('does not blame the expression when the hub itself stalled past the limit', async () => {
    await sandbox.evaluate('1', {}); // workers started and ready
    const answer = sandbox.evaluate('course.title', webhook);
    const until = Date.now() + 300;
    while (Date.now() < until); // the main thread is blocked; the worker answers meanwhile

    await expect(answer).resolves.toBe('Safety');
  });

  it('rejects queued and running evaluations on close, and everything after it', async () => {
    const patient = new JsonataSandbox({ timeoutMs: 10_000, poolSize: 1 });
    const running = expect(patient.evaluate(BACKTRACKING, {})).rejects.toThrow(JsonataSandboxClosedError);
    const queued = expect(patient.evaluate('1', {})).rejects.toThrow(JsonataSandboxClosedError);
    await new Promise((resolve) => setTimeout(resolve, 200)); // the runaway is under way

    await patient.close();

    await running;
    await queued;
    await expect(patient.evaluate('1', {})).rejects.toThrow(JsonataSandboxClosedError);
  });

  it('refuses options that cannot work', () => {
    expect(() => new JsonataSandbox({ poolSize: 0 })).toThrow('poolSize must be a positive integer, got 0');
    expect(() => new JsonataSandbox({ timeoutMs: Number.NaN })).toThrow('timeoutMs must be a positive number');
  });

  it('lets a process exit while its workers are idle, from any working directory', () => {
    // A child node outside jest: loads these sources with swc, evaluates, and never calls close().
    const script = `
      const fs = require('node:fs');
      const swc = require(${JSON.stringify(require.resolve('@swc/core'))});
      require.extensions['.ts'] = (module, filename) => {
        const { code } = swc.transformSync(fs.readFileSync(filename, 'utf8'), {
          filename, jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' },
        });
        module._compile(code, filename);
      };
      const { JsonataSandbox } = require(${JSON.stringify(require.resolve('./index'))});
      new JsonataSandbox().evaluate('a * 2', { a: 21 }).then((result) => console.log(result));
    `;

    const child = spawnSync(process.execPath, ['-e', script], { cwd: tmpdir(), encoding: 'utf8', timeout: 10_000 });

    expect(child.stderr).toBe('');
    expect(child.stdout.trim()).toBe('42');
    expect(child.status).toBe(0); // null if it had to be killed at the timeout
  });
});
