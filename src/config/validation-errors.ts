import type { ValidationError } from 'class-validator';

/** One problem with a configuration value, as `path: reason` a person can act on. */
export interface ConfigProblem {
  path: string;
  reason: string;
  /** The line of the YAML file the field is on (or, for a missing field, where it belongs). */
  line?: number;
}

/**
 * Flattens class-validator's error tree into `instances[1].config.secret: must be a string`.
 * A field that is absent is `is required` (not the type its value would need), a field the
 * schema does not know is `is not a known setting`; other messages are class-validator's
 * own minus the leading property name. Values are never included, so a secret that fails
 * validation is not echoed back.
 */
export function flattenValidationErrors(errors: ValidationError[], parentPath = ''): ConfigProblem[] {
  return errors.flatMap((error) => {
    const path = joinPath(parentPath, error.property);
    const constraints = error.constraints ?? {};
    let reasons: string[];
    if ('whitelistValidation' in constraints) reasons = ['is not a known setting'];
    else if (Object.keys(constraints).length > 0 && error.value === undefined) reasons = ['is required'];
    else reasons = Object.values(constraints).map((message) => (message.startsWith(`${error.property} `) ? message.slice(error.property.length + 1) : message));
    return [...reasons.map((reason) => ({ path, reason })), ...flattenValidationErrors(error.children ?? [], path)];
  });
}

function joinPath(parent: string, property: string): string {
  if (/^\d+$/.test(property)) return `${parent}[${property}]`;
  return parent ? `${parent}.${property}` : property;
}

/** `instances[0].config.maping (line 12): is not a known setting`, one line each. */
export function formatProblems(problems: ConfigProblem[]): string {
  return problems.map((p) => `${p.path}${p.line === undefined ? '' : ` (line ${p.line})`}: ${p.reason}`).join('\n');
}

/** `instances[1].config.secret` → `['instances', 1, 'config', 'secret']`. */
export function pathSegments(path: string): (string | number)[] {
  return [...path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] === undefined ? m[1] : Number(m[2])));
}
