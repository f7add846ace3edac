import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { plainToInstance, Type } from 'class-transformer';
import { IsArray, IsBoolean, IsIn, IsInt, IsISO8601, IsObject, IsOptional, IsString, Max, Min, ValidateNested, validateSync } from 'class-validator';
import type { RecordedCall } from '../../connector-sdk/testing/recorded-http';
import { type ConfigProblem, flattenValidationErrors } from '../../config/validation-errors';

/** The request to run through the connector, as the source would send it. */
export class PreviewHttpRequestDto {
  @ApiPropertyOptional({ description: 'Request headers (names in any case)', type: 'object', additionalProperties: { type: 'string' } })
  @IsOptional()
  @IsObject()
  headers?: Record<string, string>;

  @ApiPropertyOptional({
    description: 'The raw body as text (a JSON value is sent as its JSON text); omit for an empty body',
    oneOf: [{ type: 'string' }, { type: 'object' }, { type: 'array' }],
  })
  @IsOptional()
  body?: string | object;

  @ApiPropertyOptional({ default: 'POST' })
  @IsOptional()
  @IsIn(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])
  method?: string;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @IsOptional()
  @IsObject()
  query?: Record<string, string>;

  @ApiPropertyOptional({ description: 'The path after /hooks/<instance> for a connector that answers more than the hook (e.g. `/xapi/statements`)' })
  @IsOptional()
  @IsString()
  path?: string;
}

/** An outbound call the connector may make, with the answer recorded for it. */
export class RecordedCallDto implements RecordedCall {
  @ApiPropertyOptional({ default: 'GET' })
  @IsOptional()
  @IsIn(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])
  method?: string;

  @ApiProperty({ description: 'The full URL with its query string; a trailing * matches any rest' })
  @IsString()
  url!: string;

  @ApiPropertyOptional({ default: 200 })
  @IsOptional()
  @IsInt()
  @Min(100)
  @Max(599)
  status?: number;

  @ApiPropertyOptional({ type: 'object', additionalProperties: { type: 'string' } })
  @IsOptional()
  @IsObject()
  headers?: Record<string, string>;

  @ApiPropertyOptional({ description: 'The answer body (JSON or text)' })
  @IsOptional()
  body?: unknown;
}

/**
 * `POST /admin/api/preview`: a connector with a config of the caller's (`connector` +
 * `config`), or a configured instance (`instance`), run on one request with nothing stored,
 * queued or called.
 */
export class PreviewRequestDto {
  @ApiPropertyOptional({ description: 'A connector id (a folder under connectors/); give `config` with it', example: 'generic-webhook' })
  @IsOptional()
  @IsString()
  connector?: string;

  @ApiPropertyOptional({ description: "The connector's config, as an instance's `config:` block in hub.yaml", type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  config?: Record<string, unknown>;

  @ApiPropertyOptional({ description: 'A configured instance id, instead of connector + config' })
  @IsOptional()
  @IsString()
  instance?: string;

  @ApiPropertyOptional({ type: PreviewHttpRequestDto, description: 'The request to run through the connector; required unless `task` is given' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PreviewHttpRequestDto)
  @IsObject()
  request?: PreviewHttpRequestDto;

  @ApiPropertyOptional({
    description: "Run one of the connector's scheduled tasks (a pull) instead of a request: its outbound calls answered from `http`, its state from `state`",
    example: 'pull',
  })
  @IsOptional()
  @IsString()
  task?: string;

  @ApiPropertyOptional({ description: "The instance state the task starts from (a cursor, a cached token); empty by default", type: 'object', additionalProperties: true })
  @IsOptional()
  @IsObject()
  state?: Record<string, unknown>;

  @ApiPropertyOptional({ description: "The hub's clock for this run (ISO 8601); now by default", example: '2026-11-27T12:00:00Z' })
  @IsOptional()
  @IsISO8601({ strict: true })
  now?: string;

  @ApiPropertyOptional({ description: "Run the connector's verify (signature, freshness); off by default", default: false })
  @IsOptional()
  @IsBoolean()
  verify?: boolean;

  @ApiPropertyOptional({ description: 'Recorded answers for outbound calls; any other call is refused', type: [RecordedCallDto] })
  @IsOptional()
  @IsArray()
  @ValidateNested({ each: true })
  @Type(() => RecordedCallDto)
  http?: RecordedCallDto[];
}

/** The preview's own input is wrong (400), each problem naming its field. */
export class PreviewInputError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super('the preview request is invalid');
  }
}

/** Validates a preview body; throws PreviewInputError naming every wrong field. */
export function parsePreviewRequest(body: unknown): PreviewRequestDto {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new PreviewInputError([{ path: '(body)', reason: 'must be a JSON object, sent with Content-Type: application/json' }]);
  }
  const input = plainToInstance(PreviewRequestDto, body);
  const problems = flattenValidationErrors(validateSync(input, { whitelist: true, forbidNonWhitelisted: true, stopAtFirstError: true }));
  const rawBody: unknown = input.request?.body;
  if (rawBody !== undefined && typeof rawBody !== 'string' && (rawBody === null || typeof rawBody !== 'object')) {
    problems.push({ path: 'request.body', reason: 'must be the raw body as a string (a JSON object or array is sent as its JSON text)' });
  }
  if (input.request === undefined && input.task === undefined) {
    problems.push({ path: 'request', reason: 'is required (or give "task" to run a scheduled task of the connector)' });
  }
  if (input.request !== undefined && input.task !== undefined) {
    problems.push({ path: 'task', reason: 'give either "request" or "task", not both' });
  }
  if (input.connector === undefined && input.instance === undefined) {
    problems.push({ path: 'connector', reason: 'is required (or give "instance" to preview a configured instance)' });
  }
  if (input.connector !== undefined && input.instance !== undefined) {
    problems.push({ path: 'instance', reason: 'give either "instance" or "connector" + "config", not both' });
  }
  if (input.instance !== undefined && input.config !== undefined) {
    problems.push({ path: 'config', reason: 'a configured instance uses its own config; drop "config" or preview by "connector"' });
  }
  if (problems.length > 0) throw new PreviewInputError(problems);
  return input;
}
