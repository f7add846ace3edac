import { type ConfigProblem, formatProblems } from './validation-errors';

/** The configuration cannot be used; start-up stops and prints every problem. */
export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: ConfigProblem[],
  ) {
    super(`invalid configuration in ${source}:\n${formatProblems(problems)}`);
  }
}
