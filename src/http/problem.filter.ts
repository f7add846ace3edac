import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import type { HubLogger } from '../observability/hub-logger';
import { problemOf } from './error-status';

interface ErrorBody {
  error: string;
  details: string[];
}

/**
 * What to do about refusals the framework makes before any route of ours runs (our own
 * errors carry their advice in their details).
 */
const FRAMEWORK_HINTS: Record<number, string> = {
  413: 'send a smaller body; the hub accepts up to limits.bodyLimitBytes of its config (1 MiB by default)',
};

/** Renders every error as JSON `{ error, details }`; unexpected ones are logged and hidden. */
@Catch()
export class ProblemFilter implements ExceptionFilter {
  constructor(private readonly logger: HubLogger) {}

  catch(exception: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const { status, body, headers } = this.describe(exception);
    const hint = problemOf(exception) ? undefined : FRAMEWORK_HINTS[status];
    if (hint && body.details.length === 0) body.details.push(hint);
    void reply.status(status).headers(headers).type('application/json; charset=utf-8').send(body);
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
