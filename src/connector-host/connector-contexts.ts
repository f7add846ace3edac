import { Inject, Injectable } from '@nestjs/common';
import type { ConnectorContext } from '../connector-sdk/connector';
import type { HttpClient, InstanceState } from '../connector-sdk/capabilities';
import { HubLogger } from '../observability/hub-logger';
import type { HubDatabase } from '../store/database';
import { HUB_DATABASE } from '../store/hub-database.token';
import { AxiosHttpClient } from './capabilities/axios-http-client';
import { DatabaseInstanceState } from './capabilities/instance-state';
import type { ConnectorInstance } from './connector-instances';
import { JsonataSandbox } from './jsonata';

/**
 * Builds the context a connector gets live: its config and secrets, the hub's clock, the
 * JSONata sandbox, outbound HTTP, its state in the database, and the hub logger.
 */
@Injectable()
export class ConnectorContexts {
  private readonly http: HttpClient = new AxiosHttpClient();

  constructor(
    @Inject(HUB_DATABASE) private readonly database: HubDatabase,
    private readonly sandbox: JsonataSandbox,
    private readonly logger: HubLogger,
  ) {}

  /** The instance's state in the database, read and written as the connector goes. */
  stateOf(instance: ConnectorInstance): DatabaseInstanceState {
    return new DatabaseInstanceState(this.database, instance.id);
  }

  /** `state` replaces the instance's state (a task run buffers its writes until its events are kept). */
  contextFor(instance: ConnectorInstance, now: Date, state: InstanceState = this.stateOf(instance)): ConnectorContext<object> {
    return {
      instanceId: instance.id,
      config: instance.config,
      now,
      secrets: instance.secrets,
      expressions: this.sandbox,
      http: this.http,
      state,
      log: (level, message, fields) => this.logger.pino[level]({ ...fields, instance: instance.id, connector: instance.connector.id }, message),
    };
  }
}
