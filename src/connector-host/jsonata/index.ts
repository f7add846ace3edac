export { checkExpression } from './check-expression';
export {
  JsonataCompileError,
  JsonataEvaluationError,
  JsonataSandboxClosedError,
  JsonataTimeoutError,
  type JsonataErrorDetails,
} from './errors';
export { JsonataSandbox, type JsonataSandboxOptions } from './jsonata-sandbox';
export { describeCompileError, jsonataChecker, lineAndColumn } from './expression-checker';
