import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { XapiVersion } from '../../xapi/xapi-version';
import type { Connector, ConnectorContext, ExpressionEvaluator } from '../connector';
import { dryRun, type DryRunResult } from '../dry-run';
import { inboundRequest } from '../inbound-request';
import { MemoryState } from './memory-state';
import { type RecordedCall, RecordedHttp } from './recorded-http';

/**
 * A recorded payload with what it must become: `connectors/<id>/samples/<case>.json`. The same
 * file drives the connector's spec and `POST /admin/api/preview` (which replays `http`).
 */
export interface ConnectorSample {
  description: string;
  /** Merged over the spec's base config. */
  config?: Record<string, unknown>;
  instanceId?: string;
  /** The hub's clock for this case (ISO 8601); defaults to the request's receipt. */
  now?: string;
  secrets?: string[];
  /** Skip verification (a sample about mapping only); default true. */
  verify?: boolean;
  request: { method?: string; headers?: Record<string, string>; body?: string | object; query?: Record<string, string> };
  /** Outbound calls the connector makes, with the answers recorded from the source's docs. */
  http?: RecordedCall[];
  state?: Record<string, unknown>;
  /** Parts of the dry-run result this case proves (compared with toMatchObject). */
  expected: Partial<DryRunResult> & Record<string, unknown>;
}

export class SampleConfigError extends Error {}

/** Every `*.json` in a samples folder, by file name. */
export function loadSamples(dir: string): { name: string; sample: ConnectorSample }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((name) => ({ name, sample: JSON.parse(readFileSync(join(dir, name), 'utf8')) as ConnectorSample }));
}

/** A connector's config from plain JSON, checked with its schema as the host does at boot. */
export function configFor<C extends object>(connector: Connector<C>, plain: Record<string, unknown>): C {
  const typed = plainToInstance(connector.configSchema, plain);
  const errors = validateSync(typed, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw new SampleConfigError(`config for ${connector.id} is invalid: ${errors.map((e) => e.toString()).join('; ')}`);
  return typed;
}

const noExpressions: ExpressionEvaluator = {
  evaluate: () => Promise.reject(new Error('this connector run has no expression evaluator')),
};

export interface TestContextOptions<C> {
  instanceId?: string;
  config: C;
  now?: Date;
  secrets?: string[];
  http?: RecordedCall[];
  state?: Record<string, unknown>;
  expressions?: ExpressionEvaluator;
}

/** A context whose outside is recorded HTTP and in-memory state: for specs. */
export function testContext<C>(options: TestContextOptions<C>): ConnectorContext<C> & { http: RecordedHttp; state: MemoryState } {
  return {
    instanceId: options.instanceId ?? 'test',
    config: options.config,
    now: options.now ?? new Date(),
    secrets: options.secrets ?? [],
    expressions: options.expressions ?? noExpressions,
    http: new RecordedHttp(options.http, 'the sample has no recorded answer for this call'),
    state: new MemoryState(options.state),
    log: () => undefined,
  };
}

/** Runs one sample through the connector (dry run: nothing stored or sent). */
export async function runSample<C extends object>(
  connector: Connector<C>,
  sample: ConnectorSample,
  baseConfig: Record<string, unknown>,
  options: { expressions?: ExpressionEvaluator; versions?: XapiVersion[] } = {},
): Promise<DryRunResult & { context: ReturnType<typeof testContext<C>> }> {
  const receivedAt = new Date(sample.now ?? '2026-11-27T12:00:00Z');
  const context = testContext<C>({
    instanceId: sample.instanceId,
    config: configFor(connector, { ...baseConfig, ...sample.config }),
    now: receivedAt,
    secrets: sample.secrets,
    http: sample.http,
    state: sample.state,
    expressions: options.expressions,
  });
  const request = inboundRequest({ ...sample.request, receivedAt });
  const result = await dryRun(connector, request, context, { verify: sample.verify ?? true, versions: options.versions ?? ['1.0.3'] });
  return { ...result, context };
}
