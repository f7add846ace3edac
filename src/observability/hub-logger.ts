import { AsyncLocalStorage } from 'node:async_hooks';
import type { LoggerService } from '@nestjs/common';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';
import { redactUrl, redactUrlsIn } from '../config/redact-url';

/** The HTTP request a log line was written for; hub-app.ts enters it for every request. */
export const requestContext = new AsyncLocalStorage<{ requestId: string }>();

/** Paths pino blanks in every log line, wherever a secret could ride along. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'headers.authorization',
  'authorization',
  'password',
  'secret',
  '*.password',
  '*.secret',
  'config.secret',
];

/**
 * pino with the hub's redaction: secret fields blanked by path, and secrets in URLs (a
 * password in user info, `?token=…` and other secret query parameters) blanked wherever a
 * URL appears — a `url` field, any other top-level string, the message. Each line written
 * while serving a request carries that request's `reqId`.
 */
export function createPinoLogger(level: string, destination?: DestinationStream): Logger {
  const options: LoggerOptions = {
    level,
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    base: { service: 'xapi-hub' },
    mixin: () => {
      const context = requestContext.getStore();
      return context ? { reqId: context.requestId } : {};
    },
    formatters: { log: redactUrlFields },
    // An error's message or stack may quote a URL (a client library's "request to http://u:p@… failed").
    serializers: { err: (error: Error) => redactErrorText(pino.stdSerializers.err(error)) },
    hooks: {
      logMethod(args, method) {
        const redacted = args.map((arg) => (typeof arg === 'string' ? redactUrlsIn(arg) : arg)) as Parameters<typeof method>;
        return method.apply(this, redacted);
      },
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

function redactErrorText<T extends { message?: string; stack?: string }>(serialized: T): T {
  return {
    ...serialized,
    message: serialized.message === undefined ? undefined : redactUrlsIn(serialized.message),
    stack: serialized.stack === undefined ? undefined : redactUrlsIn(serialized.stack),
  };
}

function redactUrlFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value !== 'string') out[name] = value;
    else out[name] = name === 'url' ? redactUrl(value) : redactUrlsIn(value);
  }
  return out;
}

/** Nest's start-up chatter (one line per module and route): useful when debugging, noise otherwise. */
const FRAMEWORK_CONTEXTS = new Set(['NestFactory', 'InstanceLoader', 'RoutesResolver', 'RouterExplorer', 'NestApplication']);

/** Nest's logger interface over pino, so framework and hub logs share one structured stream. */
export class HubLogger implements LoggerService {
  constructor(readonly pino: Logger) {}

  log(message: unknown, context?: string): void {
    if (context && FRAMEWORK_CONTEXTS.has(context)) this.pino.debug({ context }, String(message));
    else this.pino.info({ context }, String(message));
  }
  error(message: unknown, trace?: string, context?: string): void {
    this.pino.error({ context, trace }, String(message));
  }
  warn(message: unknown, context?: string): void {
    this.pino.warn({ context }, String(message));
  }
  debug(message: unknown, context?: string): void {
    this.pino.debug({ context }, String(message));
  }
  verbose(message: unknown, context?: string): void {
    this.pino.trace({ context }, String(message));
  }
}
