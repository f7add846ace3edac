import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { HubLogger } from '../observability/hub-logger';
import { problemOf } from './error-status';
import type { HttpProblem } from './http-errors';

interface ErrorBody {
  error: string;
  details: string[];
}

/**
 * What to do about a refusal the framework made before any route of ours ran (a 413 for a
 * body over the limit), given the URL it refused; our own errors carry their advice.
 */
export type FrameworkHint = (status: number, url: string) => string | undefined;

/**
 * Turns a domain's own error into its HTTP answer, or undefined when the error is not one of
 * that domain's. Each domain keeps its table of statuses beside its HTTP code (e.g. the LRS's
 * `lrsErrorProblem`); the filter asks them in order.
 */
export type ProblemTranslator = (exception: unknown) => HttpProblem | undefined;

/** Renders every error as JSON `{ error, details }`; unexpected ones are logged and hidden. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(
    private readonly logger: HubLogger,
    private readonly translators: readonly ProblemTranslator[] = [],
    private readonly frameworkHint: FrameworkHint = () => undefined,
  ) {}

  catch(thrown: unknown, host: ArgumentsHost): void {
    const exception = this.translate(thrown);
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body, headers } = this.describe(exception);
    const hint = problemOf(exception) ? undefined : this.frameworkHint(status, reply.request.url);
    if (hint && body.details.length === 0) body.details.push(hint);
    void reply.status(status).headers(headers).type('application/json; charset=utf-8').send(body);
  }

  private translate(exception: unknown): unknown {
    for (const translator of this.translators) {
      const problem = translator(exception);
      if (problem) return problem;
    }
    return exception;
  }

  private describe(exception: unknown): { status: number; body: ErrorBody; headers: Record<string, string> } {
    const problem = problemOf(exception);
    if (problem) return { status: problem.status, body: { error: problem.error, details: [...problem.details] }, headers: problem.headers };
    if (exception instanceof HttpException) {
      const response = exception.getResponse();
      const message = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
      const details = Array.isArray(message) ? message.map(String) : [];
      return { status: exception.getStatus(), body: { error: Array.isArray(message) ? exception.message : String(message), details }, headers: {} };
    }
    const fastifyError = exception as { statusCode?: number; message?: string };
    if (typeof fastifyError.statusCode === 'number' && fastifyError.statusCode < 500) {
      return { status: fastifyError.statusCode, body: { error: fastifyError.message ?? 'bad request', details: [] }, headers: {} };
    }
    this.logger.pino.error({ err: exception }, 'unhandled error');
    return { status: 500, body: { error: 'internal error; see the hub log', details: [] }, headers: {} };
  }
}
