import type { Actor, Context, Statement, StatementObject } from '../xapi/statement';

/**
 * Calls `visit` on every Agent or Group position of a statement a person can stand in —
 * actor, Agent/Group object, context instructor and team, xAPI 2.0 context agents and groups,
 * and the same inside a SubStatement — and writes back what it returns. Not the authority:
 * that is the credential that wrote the statement, not a learner. Group members are left to
 * `visit` (it sees the whole Group). Mutates `statement`: callers pass their own copy.
 */
export function mapStatementAgents(statement: Statement, visit: (actor: Actor) => Actor): void {
  statement.actor = visit(statement.actor);
  mapObject(statement, visit);
  mapContext(statement.context, visit);
}

function mapObject(holder: { object: StatementObject }, visit: (actor: Actor) => Actor): void {
  const object = holder.object;
  if (object.objectType === 'Agent' || object.objectType === 'Group') {
    holder.object = visit(object as Actor) as StatementObject;
  } else if (object.objectType === 'SubStatement') {
    object.actor = visit(object.actor);
    mapObject(object as { object: StatementObject }, visit);
    mapContext(object.context, visit);
  }
}

function mapContext(context: Context | undefined, visit: (actor: Actor) => Actor): void {
  if (!context) return;
  if (context.instructor) context.instructor = visit(context.instructor);
  if (context.team) context.team = visit(context.team);
  // xAPI 2.0 (IEEE 9274.1.1 §4.2.2.5): contextAgents[].agent and contextGroups[].group.
  for (const entry of asRecords(context.contextAgents)) if (isActor(entry.agent)) entry.agent = visit(entry.agent);
  for (const entry of asRecords(context.contextGroups)) if (isActor(entry.group)) entry.group = visit(entry.group);
}

function asRecords(value: unknown): Record<string, unknown>[] {
  return Array.isArray(value) ? value.filter((v): v is Record<string, unknown> => typeof v === 'object' && v !== null) : [];
}

function isActor(value: unknown): value is Actor {
  return typeof value === 'object' && value !== null;
}
