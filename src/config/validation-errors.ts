import type { ValidationError } from 'class-validator';

/** One problem with a configuration value, as `path: reason` a person can act on. */
export interface ConfigProblem {
  path: string;
  reason: string;
}

/**
 * Flattens class-validator's error tree into `instances[1].config.secret: must be a string`.
 * Messages are class-validator's own minus the leading property name; values are never
 * included, so a secret that fails validation is not echoed back.
 */
export function flattenValidationErrors(errors: ValidationError[], parentPath = ''): ConfigProblem[] {
  return errors.flatMap((error) => {
    const path = joinPath(parentPath, error.property);
    const own = Object.values(error.constraints ?? {}).map((message) => ({
      path,
      reason: message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message,
    }));
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

export function formatProblems(problems: ConfigProblem[]): string {
  return problems.map((p) => `${p.path}: ${p.reason}`).join('\n');
}
