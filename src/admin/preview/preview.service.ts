import { Injectable } from '@nestjs/common';
import { HttpUnavailableError } from '../../connector-sdk/capabilities';
import type { Connector, ConnectorContext } from '../../connector-sdk/connector';
import { dryRun, type DryRunResult } from '../../connector-sdk/dry-run';
import { inboundRequest } from '../../connector-sdk/inbound-request';
import { DuplicateSubKeyError } from '../../connector-sdk/keyed-statements';
import { MemoryState } from '../../connector-sdk/testing/memory-state';
import { RecordedHttp } from '../../connector-sdk/testing/recorded-http';
import { runTask } from '../../connector-sdk/testing/sample-runner';
import { connectorConfigOf } from '../../connector-host/connector-instances';
import { ConnectorRegistry } from '../../connector-host/connector-registry';
import { JsonataEvaluationError, JsonataSandbox, JsonataTimeoutError } from '../../connector-host/jsonata';
import { destinationVersions } from '../../normalize/destination-versions';
import { HubLogger } from '../../observability/hub-logger';
import { ConnectorInstances, Destinations } from '../../runtime-settings';
import { PreviewInputError, type PreviewRequestDto } from './preview-request';

/** The connector failed on the sample in a way a mapping author can fix (422), e.g. an unrecorded call. */
export class PreviewFailedError extends Error {}

/** What preview calls an instance that is not configured. */
const PREVIEW_INSTANCE_ID = 'preview';

const REFUSAL = 'preview makes no outbound calls; add the answer to "http" in the preview request';

/**
 * Runs one sample request through a connector the way live traffic goes (dryRun: handshake,
 * verify, split, map, ids, validation) with nothing stored, queued or called: outbound calls
 * are answered from the request's recordings or refused, state lives in memory.
 */
@Injectable()
export class PreviewService {
  constructor(
    private readonly instances: ConnectorInstances,
    private readonly destinations: Destinations,
    private readonly connectors: ConnectorRegistry,
    private readonly sandbox: JsonataSandbox,
    private readonly logger: HubLogger,
  ) {}

  async preview(input: PreviewRequestDto): Promise<DryRunResult & { state?: Record<string, unknown>; error?: string }> {
    const target = this.targetOf(input);
    const now = input.now ? new Date(input.now) : new Date();
    const state = new MemoryState(input.state);
    const context: ConnectorContext<object> = {
      instanceId: target.instanceId,
      config: target.config,
      now,
      secrets: target.secrets,
      expressions: this.sandbox,
      http: new RecordedHttp(input.http ?? [], REFUSAL),
      state,
      log: (level, message, fields) => this.logger.pino.debug({ ...fields, preview: target.instanceId, level }, message),
    };
    if (input.task !== undefined) {
      if (!target.connector.tasks?.[input.task]) {
        throw new PreviewInputError([{ path: 'task', reason: `connector ${target.connector.id} has no task "${input.task}"; it has: ${Object.keys(target.connector.tasks ?? {}).join(', ') || 'none'}` }]);
      }
      // The run's own failure (a refused credential, an unrecorded call) is the answer's `error`.
      const ran = await runTask(target.connector, input.task, context, target.versions);
      return { ...ran, rejected: [], state: state.snapshot() };
    }
    const request = inboundRequest({ ...input.request, receivedAt: now });
    try {
      return await dryRun(target.connector, request, context, { verify: input.verify ?? false, versions: target.versions });
    } catch (error) {
      const fixable = [HttpUnavailableError, JsonataEvaluationError, JsonataTimeoutError, DuplicateSubKeyError];
      if (fixable.some((type) => error instanceof type)) throw new PreviewFailedError(`the connector failed on this request: ${(error as Error).message}`);
      throw error;
    }
  }

  private targetOf(input: PreviewRequestDto): { connector: Connector; config: object; instanceId: string; secrets: string[]; versions: ReturnType<typeof destinationVersions> } {
    const destinations = this.destinations.all;
    if (input.instance !== undefined) {
      const instance = this.instances.get(input.instance);
      if (!instance) {
        throw new PreviewInputError([{ path: 'instance', reason: `no instance "${input.instance}" is configured; configured: ${[...this.instances.keys()].join(', ') || 'none'}` }]);
      }
      return { ...instance, instanceId: instance.id, versions: destinationVersions(destinations, instance.destinations) };
    }
    const connector = this.connectors.get(input.connector ?? '');
    if (!connector) {
      throw new PreviewInputError([{ path: 'connector', reason: `unknown connector "${input.connector}"; available: ${this.connectors.ids().join(', ')}` }]);
    }
    const { config, problems } = connectorConfigOf(connector, input.config ?? {});
    if (problems.length > 0) throw new PreviewInputError(problems.map((p) => ({ path: `config.${p.path}`, reason: p.reason })));
    return { connector, config, instanceId: PREVIEW_INSTANCE_ID, secrets: [], versions: destinationVersions(destinations, destinations.map((d) => d.id)) };
  }
}
