import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { promisify } from 'node:util';

export const PROJECT_ROOT = resolve(__dirname, '../..');

/** A source text linted as if it were the file at `file` (which need not exist). */
export interface LintFixture {
  source: string;
  file: string;
}

/**
 * ESLint's API on the project's own eslint.config.mjs, in a child Node (jest's module loader
 * cannot import an ES module config), all fixtures in one run. Answers each fixture's
 * problems as `rule: message`.
 */
const LINT_SCRIPT = `
const { ESLint } = require('eslint');
const fixtures = JSON.parse(process.argv[1]);
(async () => {
  const eslint = new ESLint({ cwd: process.cwd() });
  const out = [];
  for (const { source, file } of fixtures) {
    const [result] = await eslint.lintText(source, { filePath: file });
    out.push(result.messages.map((m) => m.ruleId + ': ' + m.message));
  }
  process.stdout.write(JSON.stringify(out));
})();
`;

export async function lintTexts(fixtures: LintFixture[]): Promise<string[][]> {
  const { stdout } = await promisify(execFile)(process.execPath, ['-e', LINT_SCRIPT, JSON.stringify(fixtures)], { cwd: PROJECT_ROOT });
  return JSON.parse(stdout) as string[][];
}
