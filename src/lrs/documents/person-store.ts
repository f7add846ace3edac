import { Inject, Injectable } from '@nestjs/common';
import type { HubDatabase } from '../../store/database';
import { HUB_DATABASE } from '../../store/hub-database.token';
import type { Actor } from '../../xapi/statement';
import { agentKey } from '../statements/agent-key';
import { namesIn, type Person, personOf } from './person';

/** How many of the agent's newest statements (as actor or object) are read for its names. */
const RECENT_STATEMENTS = 50;

/** The Agents resource's data: a Person built from the agent and its recent statements. */
@Injectable()
export class PersonStore {
  constructor(@Inject(HUB_DATABASE) private readonly database: HubDatabase) {}

  async find(agent: Actor): Promise<Person> {
    const key = agentKey(agent);
    if (!key) return personOf(agent, []);
    const rows = await this.database.db
      .selectFrom('statement_agents as a')
      .innerJoin('statements as s', 's.seq', 'a.statement_seq')
      .select('s.full_json')
      .where('a.agent_key', '=', key)
      // actor or object: where agents are named; also the index's order (agent_key, relation, seq).
      .where('a.relation', '=', 'direct')
      .orderBy('a.statement_seq', 'desc')
      .limit(RECENT_STATEMENTS)
      .execute();
    return personOf(agent, rows.flatMap((row) => namesIn(JSON.parse(row.full_json), key)));
  }
}
