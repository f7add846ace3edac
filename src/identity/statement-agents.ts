import type { Actor, Context, Statement, StatementObject } from '../xapi/statement';

/**
 * A copy of the statement with `visit` applied to every Agent or Group position a person can
 * stand in — actor, Agent/Group object, context instructor and team, xAPI 2.0 context agents
 * and groups, and the same inside a SubStatement. Not the authority: that is the credential
 * that wrote the statement, not a learner. Group members are left to `visit` (it sees the whole
 * Group). Only the containers on those paths are copied (this runs once per statement on the
 * normalize path, where a deep clone cost more than the resolution itself); the input is never
 * changed, and `visit` must not change what it is given either.
 */
export function mapStatementAgents(statement: Statement, visit: (actor: Actor) => Actor): Statement {
  const out: Statement = { ...statement, actor: visit(statement.actor), object: mapObject(statement.object, visit) };
  if (statement.context) out.context = mapContext(statement.context, visit);
  return out;
}

function mapObject(object: StatementObject, visit: (actor: Actor) => Actor): StatementObject {
  if (object.objectType === 'Agent' || object.objectType === 'Group') return visit(object as Actor) as StatementObject;
  if (object.objectType !== 'SubStatement') return object;
  const sub = { ...object, actor: visit(object.actor), object: mapObject(object.object, visit) as typeof object.object };
  if (object.context) sub.context = mapContext(object.context, visit);
  return sub;
}

function mapContext(context: Context, visit: (actor: Actor) => Actor): Context {
  const out: Context = { ...context };
  if (context.instructor) out.instructor = visit(context.instructor);
  if (context.team) out.team = visit(context.team);
  // xAPI 2.0 (IEEE 9274.1.1 §4.2.2.5): contextAgents[].agent and contextGroups[].group.
  if (Array.isArray(context.contextAgents)) out.contextAgents = context.contextAgents.map((entry) => mapEntry(entry, 'agent', visit));
  if (Array.isArray(context.contextGroups)) out.contextGroups = context.contextGroups.map((entry) => mapEntry(entry, 'group', visit));
  return out;
}

function mapEntry(entry: unknown, key: 'agent' | 'group', visit: (actor: Actor) => Actor): unknown {
  if (typeof entry !== 'object' || entry === null) return entry;
  const actor = (entry as Record<string, unknown>)[key];
  return typeof actor === 'object' && actor !== null ? { ...entry, [key]: visit(actor as Actor) } : entry;
}
