import type { ExpressionChecker } from '../../connector-sdk/connector';
import { checkExpression } from './check-expression';
import { JsonataCompileError } from './errors';

/**
 * Line and column (both from 1) of jsonata's `position`, which counts characters from 1 and
 * points at the last character of the token it stumbled on (the length, at the end).
 */
export function lineAndColumn(text: string, position: number): { line: number; column: number } {
  const index = Math.min(Math.max(position - 1, 0), Math.max(text.length - 1, 0));
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  return { line, column: index - before.lastIndexOf('\n') };
}

/** A compile problem as an admin reads it: where in the mapping (line, column), then what. */
export function describeCompileError(expression: string, error: JsonataCompileError): string {
  const reason = error.message.replace(/^position \d+: /, '');
  if (error.position === undefined) return reason;
  const { line, column } = lineAndColumn(expression, error.position);
  return `line ${line}, column ${column}: ${reason}`;
}

/** What connectors get to check admin-written JSONata at boot (and in preview). */
export const jsonataChecker: ExpressionChecker = {
  check(expression) {
    try {
      checkExpression(expression);
      return undefined;
    } catch (error) {
      if (error instanceof JsonataCompileError) return describeCompileError(expression, error);
      throw error;
    }
  },
};
