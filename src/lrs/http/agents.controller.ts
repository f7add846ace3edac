import { Controller, Get, Query, Req, UseGuards } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { invalidRequest } from '../lrs-errors';
import type { Actor } from '../../xapi/statement';
import { agentKeyFromParam } from '../statements/agent-key';
import type { Person } from '../documents/person';
import { PersonStore } from '../documents/person-store';
import { XapiScope } from '../auth/xapi-scope.decorator';
import { XapiGuard } from './xapi.guard';

/** The Agents resource: GET /xapi/agents?agent= (xAPI 1.0.3 Communication §2.4; IEEE 9274.1.1 §4.1.6.3). */
@Controller('xapi/agents')
@UseGuards(XapiGuard)
@XapiScope('define', 'profile')
export class AgentsController {
  constructor(private readonly people: PersonStore) {}

  @Get()
  async get(@Query() params: Record<string, unknown>, @Req() req: FastifyRequest): Promise<Person> {
    const unknown = Object.keys(params).filter((name) => name !== 'agent' && name !== 'method');
    if (unknown.length > 0) throw invalidRequest(`unknown parameter "${unknown[0]}"`, ['this resource takes: agent (names are case-sensitive)']);
    const value = params.agent;
    if (value !== undefined && typeof value !== 'string') throw invalidRequest('agent must be given once');
    // Validates the JSON and requires an identifier; an unknown agent is still a 200 Person.
    agentKeyFromParam(value, req.xapi!.version);
    return this.people.find(JSON.parse(value as string) as Actor);
  }
}
