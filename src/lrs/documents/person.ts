import type { Account, Actor } from '../../xapi/statement';
import { agentKey } from '../statements/agent-key';

/**
 * The Agents resource's answer (xAPI 1.0.3 Communication §2.4, Person object): every
 * property is an array, combining what the LRS knows of the agent. The hub does not link
 * different identifiers of one learner here, so a Person carries the one identifier asked
 * for and the names the agent has been given in stored statements.
 */
export interface Person {
  objectType: 'Person';
  name?: string[];
  mbox?: string[];
  mbox_sha1sum?: string[];
  openid?: string[];
  account?: Account[];
}

export function personOf(agent: Actor, names: string[]): Person {
  const person: Person = { objectType: 'Person' };
  const distinct = [...new Set(names)];
  if (distinct.length > 0) person.name = distinct;
  if (agent.mbox) person.mbox = [agent.mbox];
  if (agent.mbox_sha1sum) person.mbox_sha1sum = [agent.mbox_sha1sum];
  if (agent.openid) person.openid = [agent.openid];
  if (agent.account) person.account = [{ homePage: agent.account.homePage, name: agent.account.name }];
  return person;
}

/** The names a statement gives the agent with this identifier key, wherever it appears. */
export function namesIn(statement: unknown, key: string): string[] {
  const names: string[] = [];
  const visitActor = (actor: unknown) => {
    if (!isObject(actor)) return;
    if (typeof actor.name === 'string' && agentKey(actor as Actor) === key) names.push(actor.name);
    if (Array.isArray(actor.member)) actor.member.forEach(visitActor);
  };
  const visitContext = (context: unknown) => {
    if (!isObject(context)) return;
    visitActor(context.instructor);
    visitActor(context.team);
  };
  const visitStatement = (s: unknown, depth: number) => {
    if (!isObject(s)) return;
    visitActor(s.actor);
    visitActor(s.authority);
    visitContext(s.context);
    const object = s.object;
    if (!isObject(object)) return;
    if (object.objectType === 'Agent' || object.objectType === 'Group') visitActor(object);
    if (object.objectType === 'SubStatement' && depth === 0) visitStatement(object, 1);
  };
  visitStatement(statement, 0);
  return names;
}

function isObject(value: unknown): value is { [key: string]: unknown } {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
