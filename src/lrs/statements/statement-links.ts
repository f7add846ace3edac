import type { Activity, Actor, Context, Statement, StatementObject, SubStatement } from '../../xapi/statement';
import { agentKey } from './agent-key';

export type Relation = 'direct' | 'related';

export interface StatementLinks {
  agents: { key: string; relation: Relation }[];
  activities: { id: string; relation: Relation }[];
}

/**
 * Which agents and activities a statement is about, computed once at insert time so that
 * `agent`, `activity`, `related_agents` and `related_activities` are index look-ups.
 * `direct` = the actor or object (what `agent=`/`activity=` match); `related` = everything
 * else the spec lists for the `related_*` flags (context, authority's members, SubStatement
 * parts) — except the authority itself, which the store matches by `authority_key`.
 */
export function statementLinks(statement: Statement): StatementLinks {
  const agents = new Map<string, Relation>();
  const activities = new Map<string, Relation>();
  const addAgent = (actor: Actor | undefined, relation: Relation) => {
    const key = agentKey(actor);
    if (key && agents.get(key) !== 'direct') agents.set(key, relation);
    actor?.member?.forEach((member) => addAgent(member, 'related'));
  };
  const addActivity = (id: string | undefined, relation: Relation) => {
    if (id && activities.get(id) !== 'direct') activities.set(id, relation);
  };
  const addContext = (context: Context | undefined) => {
    addAgent(context?.instructor, 'related');
    addAgent(context?.team, 'related');
    // xAPI 2.0 (IEEE 9274.1.1 §4.2.2.5): context agents and groups are related agents too.
    asArray(context?.contextAgents as { agent?: Actor }[] | undefined).forEach((entry) => addAgent(entry?.agent, 'related'));
    asArray(context?.contextGroups as { group?: Actor }[] | undefined).forEach((entry) => addAgent(entry?.group, 'related'));
    const groups = context?.contextActivities;
    for (const list of [groups?.parent, groups?.grouping, groups?.category, groups?.other]) {
      asArray(list).forEach((activity) => addActivity(activity.id, 'related'));
    }
  };
  const addObject = (object: StatementObject, relation: Relation) => {
    if (isSubStatement(object)) {
      addAgent(object.actor, 'related');
      addObject(object.object, 'related');
      addContext(object.context);
    } else if (isActivity(object)) {
      addActivity(object.id, relation);
    } else if (object.objectType === 'Agent' || object.objectType === 'Group') {
      addAgent(object as Actor, relation);
    }
  };

  addAgent(statement.actor, 'direct');
  addObject(statement.object, 'direct');
  addContext(statement.context);
  // The authority itself is a related agent too, but every statement has one (the hub's own for
  // everything it delivers): `statements.authority_key` answers it, so it gets no link row —
  // a third of the agent link rows, and their index entries, on every write. Its members do.
  statement.authority?.member?.forEach((member) => addAgent(member, 'related'));
  return {
    agents: [...agents].map(([key, relation]) => ({ key, relation })),
    activities: [...activities].map(([id, relation]) => ({ id, relation })),
  };
}

function asArray<T>(value: T | T[] | undefined): T[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}

function isSubStatement(object: StatementObject): object is SubStatement {
  return object.objectType === 'SubStatement';
}

function isActivity(object: StatementObject): object is Activity {
  return object.objectType === undefined || object.objectType === 'Activity';
}
