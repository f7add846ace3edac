import { Global, Module } from '@nestjs/common';
import { ConnectorContexts } from './connector-contexts';
import { EventAdmission } from './event-admission';

/** What runs connectors, for every role that does: their contexts and the way events come in. */
@Global()
@Module({ providers: [ConnectorContexts, EventAdmission], exports: [ConnectorContexts, EventAdmission] })
export class ConnectorHostModule {}
