/** What jsonata reports about a failure: it throws plain objects, not Error instances. */
export interface JsonataErrorDetails {
  message: string;
  /** jsonata's error code (`S0203`, `T2002`, `D3137` …), looked up in its docs. */
  code?: string;
  /** Character position in the expression, as jsonata counts it. */
  position?: number;
}

function withPosition({ message, position }: JsonataErrorDetails): string {
  return position === undefined ? message : `position ${position}: ${message}`;
}

/** An error jsonata reported, with its code and the position in the expression. */
abstract class JsonataPositionedError extends Error {
  readonly code?: string;
  readonly position?: number;

  constructor(details: JsonataErrorDetails) {
    super(withPosition(details));
    this.code = details.code;
    this.position = details.position;
  }
}

/** The expression does not parse; the message names the position and the problem. */
export class JsonataCompileError extends JsonataPositionedError {
  override readonly name = 'JsonataCompileError';
}

/** The expression failed while running (a type error, `$error()`, too much memory …). */
export class JsonataEvaluationError extends JsonataPositionedError {
  override readonly name = 'JsonataEvaluationError';
}

/** The evaluation ran past the limit and its worker was terminated. */
export class JsonataTimeoutError extends Error {
  override readonly name = 'JsonataTimeoutError';

  constructor(readonly timeoutMs: number) {
    super(`the expression ran longer than the ${timeoutMs} ms limit and was stopped`);
  }
}

/**
 * The sandbox was closed (shutdown) before the evaluation finished. Deliberately not an
 * evaluation error: nothing is wrong with the expression, so a job should be retried, not
 * dead-lettered.
 */
export class JsonataSandboxClosedError extends Error {
  override readonly name = 'JsonataSandboxClosedError';

  constructor() {
    super('the JSONata sandbox was closed before the evaluation finished');
  }
}

/** Reads the fields jsonata puts on what it throws (or a real Error from deeper down). */
export function jsonataErrorDetails(thrown: unknown): JsonataErrorDetails {
  if (thrown === null || typeof thrown !== 'object') return { message: String(thrown) };
  const { message, code, position } = thrown as Record<string, unknown>;
  return {
    message: typeof message === 'string' ? message : String(thrown),
    code: typeof code === 'string' ? code : undefined,
    position: typeof position === 'number' ? position : undefined,
  };
}
