import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import type { XapiVersion } from '../../xapi/xapi-version';
import type { Connector, ConnectorContext, ExpressionEvaluator, SourceEvent } from '../connector';
import { dryRun, type DryRunEvent, type DryRunResult } from '../dry-run';
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
  request: { method?: string; headers?: Record<string, string>; body?: string | object; query?: Record<string, string>; path?: string };
  /**
   * A scheduled task's name: the sample is a run of that task (against `http`, from `state`)
   * rather than a request; `request` is then unused. See runTaskSample.
   */
  task?: string;
  /** Outbound calls the connector makes, with the answers recorded from the source's docs. */
  http?: RecordedCall[];
  state?: Record<string, unknown>;
  /**
   * Parts of the dry-run result this case proves (compared with toMatchObject). A task sample
   * may also expect `state` (the instance state after the run) and `error` (what the run threw).
   */
  expected: Partial<DryRunResult> & { state?: Record<string, unknown>; error?: string } & Record<string, unknown>;
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

/** What one task run made: its events mapped as intake's would be, the state after it, or what it threw. */
export interface TaskSampleResult<C> {
  events: DryRunEvent[];
  /** The instance state after the run (the cursor it moved, the token it cached). */
  state: Record<string, unknown>;
  /** The run threw: its message (nothing was taken in). */
  error?: string;
  context: ReturnType<typeof testContext<C>>;
}

/**
 * Runs a task sample: the connector's task `taskName` against the sample's recorded answers
 * and state, then every event it returns through map, ids and validation exactly as a request's
 * events would go (dryRun with a split that hands over those events). Preview runs the same.
 */
export async function runTaskSample<C extends object>(
  connector: Connector<C>,
  taskName: string,
  sample: ConnectorSample,
  baseConfig: Record<string, unknown>,
  options: { expressions?: ExpressionEvaluator; versions?: XapiVersion[] } = {},
): Promise<TaskSampleResult<C>> {
  const task = connector.tasks?.[taskName];
  if (!task) throw new SampleConfigError(`connector ${connector.id} has no task "${taskName}"; it has: ${Object.keys(connector.tasks ?? {}).join(', ') || 'none'}`);
  const now = new Date(sample.now ?? '2026-11-27T12:00:00Z');
  const context = testContext<C>({
    instanceId: sample.instanceId,
    config: configFor(connector, { ...baseConfig, ...sample.config }),
    now,
    secrets: sample.secrets,
    http: sample.http,
    state: sample.state,
    expressions: options.expressions,
  });
  const ran = await runTask(connector, taskName, context, options.versions ?? ['1.0.3']);
  return { ...ran, state: context.state.snapshot(), context };
}

/**
 * One run of a task in `context`, its events mapped as intake's would be. A throw is the
 * result's `error` (what the host would log), not this function's.
 */
export async function runTask<C extends object>(
  connector: Connector<C>,
  taskName: string,
  context: ConnectorContext<C>,
  versions: readonly XapiVersion[],
): Promise<{ events: DryRunEvent[]; error?: string }> {
  let events: SourceEvent[];
  try {
    events = (await connector.tasks![taskName].run(context)) ?? [];
  } catch (error) {
    return { events: [], error: (error as Error).message };
  }
  const mapped = await dryRun({ ...connector, split: () => events }, inboundRequest({ receivedAt: context.now }), context, { verify: false, versions });
  return { events: mapped.events };
}
