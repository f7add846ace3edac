import jsonata from 'jsonata';
import { JsonataCompileError, jsonataErrorDetails } from './errors';

/**
 * Compiles an expression in-process to reject a bad mapping when the config loads.
 * Compiling only parses: it runs nothing the admin wrote, so unlike evaluation it cannot
 * loop forever and needs no worker.
 */
export function checkExpression(expression: string): void {
  try {
    jsonata(expression);
  } catch (error) {
    throw new JsonataCompileError(jsonataErrorDetails(error));
  }
}
